"""Q&A example 2: where do 264,710 and 132,355 come from?

A Dense layer's parameter count is  units x (inputs + 1):  one weight for each
input-unit pair, plus one bias per unit.

    first  Dense: 514 units, 514 inputs -> 514 x (514 + 1) = 264,710
    second Dense: 257 units, 514 inputs -> 257 x (514 + 1) = 132,355
                                                    total = 397,065
"""
import keras
from keras.layers import Dense

model = keras.Sequential()
# input_dim=514 is the old way of saying input_shape=(514,): 514 features per sample.
model.add(Dense(514, input_dim=514))
model.add(Dense(257))

model.summary()
