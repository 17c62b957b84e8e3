"""Sizes come from module-level constants and arithmetic: //, **, tuples, len()."""
import keras
from keras import layers

IMG_SIZE = 32
CHANNELS = 3
INPUT_SHAPE = (IMG_SIZE, IMG_SIZE, CHANNELS)
BASE = 2 ** 3
CLASSES = ["cat", "dog", "bird", "fish", "frog"]
NUM_CLASSES = len(CLASSES)
HIDDEN = BASE * 4 + NUM_CLASSES  # 37

model = keras.Sequential(
    [
        keras.Input(shape=INPUT_SHAPE),
        layers.Conv2D(BASE, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(IMG_SIZE // 16),
        layers.Conv2D(BASE * 2, (3, 3), padding="same", activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Reshape(((IMG_SIZE // 4) ** 2, BASE * 2)),
        layers.GlobalAveragePooling1D(),
        layers.Dense(HIDDEN, activation="relu"),
        layers.Dense(NUM_CLASSES),
    ]
)
model.summary()
