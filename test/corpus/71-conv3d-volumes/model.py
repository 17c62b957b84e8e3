"""3D convolutions on small volumes, with 3D max/average pooling and global pooling."""
import keras
from keras import layers

volume = keras.Input(shape=(16, 16, 8, 1))
x = layers.Conv3D(4, 3, activation="relu")(volume)                    # (14, 14, 6, 4)
x = layers.MaxPooling3D(pool_size=2)(x)                                # (7, 7, 3, 4)
x = layers.Conv3D(8, (3, 3, 1), padding="same", activation="relu")(x)
x = layers.AveragePooling3D(pool_size=(2, 2, 1))(x)                    # (3, 3, 3, 8)
x = layers.BatchNormalization()(x)
g1 = layers.GlobalMaxPooling3D()(x)
g2 = layers.GlobalAveragePooling3D()(x)
x = layers.Concatenate()([g1, g2])
out = layers.Dense(2, activation="softmax")(x)
scan_net = keras.Model(volume, out, name="scan_net")
scan_net.summary()
