"""Sequential(name=...) with input_dim= on the first Dense (the old Keras idiom, still accepted)."""
from keras import Sequential
from keras.layers import Dense, Activation

N_FEATURES = 8

regressor = Sequential(name="house_price_regressor")
regressor.add(Dense(32, input_dim=N_FEATURES))
regressor.add(Activation("relu"))
regressor.add(Dense(16))
regressor.add(Activation("relu"))
regressor.add(Dense(1))
regressor.summary()
