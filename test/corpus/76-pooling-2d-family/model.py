"""AveragePooling2D / MaxPooling2D with odd sizes and strides, then GlobalMaxPooling2D."""
from keras import layers, Model, Input

img = Input(shape=(45, 37, 3))
x = layers.AveragePooling2D(pool_size=3)(img)                     # (15, 12)
x = layers.Conv2D(6, 2)(x)                                        # (14, 11)
x = layers.MaxPooling2D(pool_size=(3, 2), strides=(2, 3))(x)      # (6, 4)
x = layers.AveragePooling2D(pool_size=2, strides=1, padding="same")(x)
x = layers.GlobalMaxPooling2D()(x)
out = layers.Dense(3)(x)
pools = Model(img, out)
pools.summary()
