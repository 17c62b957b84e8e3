"""Encoder-decoder: LSTM(return_state=True) in functional code, states fed to the decoder."""
import keras
from keras import layers

NUM_ENC_TOKENS = 30
NUM_DEC_TOKENS = 40
LATENT = 32

encoder_inputs = keras.Input(shape=(None, NUM_ENC_TOKENS))
encoder_outputs, state_h, state_c = layers.LSTM(LATENT, return_state=True)(encoder_inputs)
encoder_states = [state_h, state_c]

decoder_inputs = keras.Input(shape=(None, NUM_DEC_TOKENS))
decoder_lstm = layers.LSTM(LATENT, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_outputs = layers.Dense(NUM_DEC_TOKENS, activation="softmax")(decoder_outputs)

seq2seq = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
seq2seq.summary()
