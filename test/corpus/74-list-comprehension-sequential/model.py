"""Sequential built from a list comprehension over a tuple of widths."""
import keras
from keras import layers

WIDTHS = (48, 24, 12)

tower = keras.Sequential(
    [keras.Input(shape=(6,))]
    + [layers.Dense(w, activation="relu") for w in WIDTHS]
    + [layers.LayerNormalization(), layers.Dense(2)]
)
tower.summary()
