"""Two named inputs passed as a dict; outputs as a list of two heads."""
import keras
from keras import layers

user = keras.Input(shape=(12,), name="user")
item = keras.Input(shape=(20,), name="item")

u = layers.Dense(16, activation="relu")(user)
i = layers.Dense(16, activation="relu")(item)
joined = layers.Concatenate()([u, i])
click = layers.Dense(1, activation="sigmoid", name="click")(joined)
rating = layers.Dense(5, activation="softmax", name="rating")(joined)

recommender = keras.Model(inputs={"user": user, "item": item}, outputs=[click, rating])
recommender.summary()
