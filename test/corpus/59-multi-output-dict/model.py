"""One image in, a dict of three outputs out; heads defined in a different order from the dict keys."""
import keras
from keras import layers

image = keras.Input(shape=(16, 16, 1), name="image")
h = layers.Conv2D(4, 3, activation="relu")(image)
h = layers.GlobalMaxPooling2D()(h)
box = layers.Dense(4, name="box")(h)
label = layers.Dense(3, activation="softmax", name="label")(h)
confidence = layers.Dense(1, activation="sigmoid", name="confidence")(h)

detector = keras.Model(
    inputs=image,
    outputs={"label": label, "box": box, "confidence": confidence},
)
detector.summary()
