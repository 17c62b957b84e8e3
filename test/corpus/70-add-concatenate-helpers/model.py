"""The functional helpers keras.layers.add([...]) and keras.layers.concatenate([...])."""
import keras

inp = keras.Input(shape=(10,))
a = keras.layers.Dense(6)(inp)
b = keras.layers.Dense(6)(inp)
c = keras.layers.Dense(6)(inp)
s = keras.layers.add([a, b, c])
cat = keras.layers.concatenate([s, inp])
cat2 = keras.layers.concatenate([a, b], axis=-1)
both = keras.layers.concatenate([cat, cat2])
out = keras.layers.Dense(1)(both)
helper_model = keras.Model(inp, out)
helper_model.summary()
