"""SimpleRNN stack with LayerNormalization between recurrent layers."""
import keras
from keras.layers import SimpleRNN, LayerNormalization, Dense, Dropout

rnn = keras.models.Sequential(
    [
        keras.layers.Input(shape=(None, 3)),
        SimpleRNN(10, return_sequences=True),
        LayerNormalization(),
        SimpleRNN(10, return_sequences=True),
        LayerNormalization(axis=-1, center=False),
        SimpleRNN(6),
        Dropout(0.3),
        Dense(1),
    ]
)
rnn.summary()
