"""Row order in a branched functional model: the long branch is written first, the short one
after, and a late Input joins at the end."""
import keras
from keras import layers

img = keras.Input(shape=(12, 12, 1), name="img")
meta = keras.Input(shape=(3,), name="meta")

# long branch on the image
x = layers.Conv2D(4, 3, activation="relu")(img)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(8, 3, activation="relu")(x)
x = layers.Flatten()(x)
x = layers.Dense(8)(x)

# short branch on the metadata
m = layers.Dense(8)(meta)

extra = keras.Input(shape=(8,), name="extra")
merged = layers.add([x, m, extra])
score = layers.Dense(1, name="score")(merged)
branched = keras.Model(inputs=[img, meta, extra], outputs=score)
branched.summary()
