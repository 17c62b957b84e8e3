"""Stacked GRUs: the first returns sequences, the second only its last state."""
from keras import Sequential, Input
from keras.layers import Embedding, GRU, Dense

VOCAB = 500
EMBED = 24

tagger = Sequential()
tagger.add(Input(shape=(40,)))
tagger.add(Embedding(VOCAB, EMBED))
tagger.add(GRU(32, return_sequences=True))
tagger.add(GRU(16))
tagger.add(Dense(1, activation="sigmoid"))
tagger.summary()
