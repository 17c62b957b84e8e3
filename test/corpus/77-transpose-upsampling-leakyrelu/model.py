"""A tiny generator: Dense -> Reshape -> Conv2DTranspose / UpSampling2D with LeakyReLU; Rescaling in front."""
import keras
from keras import layers

LATENT_DIM = 16

generator = keras.Sequential(
    [
        keras.Input(shape=(LATENT_DIM,)),
        layers.Rescaling(scale=2.0, offset=-1.0),
        layers.Dense(4 * 4 * 8),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Reshape((4, 4, 8)),
        layers.Conv2DTranspose(8, 4, strides=2, padding="same"),   # 8x8
        layers.LeakyReLU(),
        layers.UpSampling2D(),                                       # 16x16
        layers.Conv2DTranspose(4, 3),                                # 18x18 (valid)
        layers.UpSampling2D(size=(1, 2)),
        layers.Conv2D(1, 3, padding="same", activation="tanh"),
    ],
    name="generator",
)
generator.summary()
