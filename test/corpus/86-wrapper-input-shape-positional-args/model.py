"""input_shape= given to a Bidirectional wrapper; positional activation; padding spelled "SAME"."""
from keras.models import Sequential
from keras.layers import Bidirectional, LSTM, Conv1D, Dense, MaxPooling1D

seq_model = Sequential()
seq_model.add(Bidirectional(LSTM(10, return_sequences=True), input_shape=(5, 10)))
seq_model.add(Conv1D(6, 2, 1, "SAME", activation="relu"))   # filters, kernel_size, strides, padding
seq_model.add(MaxPooling1D(2, None, "same"))                  # pool_size, strides, padding
seq_model.add(Bidirectional(LSTM(10)))
seq_model.add(Dense(5, "softmax"))
seq_model.summary()
