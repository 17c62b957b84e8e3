"""Plain `import keras`: an empty Sequential filled with .add(), starting from keras.Input."""
import keras

model = keras.Sequential()
model.add(keras.Input(shape=(16,)))
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dropout(0.25))
model.add(keras.layers.Dense(8, activation="relu"))
model.add(keras.layers.Dense(1, activation="sigmoid"))

model.summary()
