"""Bag-of-embeddings text classifier: Embedding + GlobalAveragePooling1D."""
import keras
from keras import layers

MAX_TOKENS = 2000
SEQ_LEN = 50
EMBED_DIM = 16

text_clf = keras.Sequential(name="bag_of_embeddings")
text_clf.add(keras.Input(shape=(SEQ_LEN,), dtype="int32"))
text_clf.add(layers.Embedding(input_dim=MAX_TOKENS, output_dim=EMBED_DIM))
text_clf.add(layers.GlobalAveragePooling1D())
text_clf.add(layers.Dense(16, activation="relu"))
text_clf.add(layers.Dense(1, activation="sigmoid"))
text_clf.summary()
