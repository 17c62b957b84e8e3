"""tf.keras-era text model: Embedding(..., input_length=N) as the only shape hint.
Keras 3 ignores input_length (with a warning), so this Sequential stays unbuilt."""
import keras
from keras import layers

# tf.keras original: from tensorflow.keras.layers import Embedding, ...
VOCAB_SIZE = 1000
MAX_LEN = 10

old_style = keras.Sequential()
old_style.add(layers.Embedding(VOCAB_SIZE, 8, input_length=MAX_LEN))
old_style.add(layers.Flatten())
old_style.add(layers.Dense(1, activation="sigmoid"))
old_style.summary()
