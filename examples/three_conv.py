"""Q&A example 3: counting the parameters of a small convolutional network.

A Conv2D layer has one kernel of size (kh x kw x input_channels) per filter,
plus one bias per filter:

    conv 1:  32 x (3*3*3   + 1) =    896
    conv 2:  64 x (3*3*32  + 1) = 18,496
    conv 3: 128 x (3*3*64  + 1) = 73,856

The count does not depend on the image size (224 x 224) or on padding: the
same small kernels slide over the whole image. Pooling layers have no weights.
GlobalAveragePooling2D averages each of the 128 feature maps down to a single
number, so the classifier sees 128 features:

    Dense(10): 10 x (128 + 1) = 1,290
"""
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(224, 224, 3)),                          # RGB images
        layers.Conv2D(32, (3, 3), padding="same", activation="relu"),
        layers.MaxPooling2D((2, 2)),                                 # 224 -> 112
        layers.Conv2D(64, (3, 3), padding="same", activation="relu"),
        layers.MaxPooling2D((2, 2)),                                 # 112 -> 56
        layers.Conv2D(128, (3, 3), padding="same", activation="relu"),
        layers.GlobalAveragePooling2D(),                             # (None, 128)
        layers.Dense(10, activation="softmax"),                      # 10 classes
    ]
)

model.summary()
