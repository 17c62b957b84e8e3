"""Names imported one by one, with an alias (`Conv2D as C2`), and input_shape= on the first layer."""
from keras.layers import Dense, Conv2D as C2, MaxPooling2D, Flatten, Dropout
from keras.models import Sequential

# tf.keras spelling of the same imports: from tensorflow.keras.layers import Dense, Conv2D as C2, ...
net = Sequential([
    C2(8, (3, 3), activation="relu", input_shape=(28, 28, 1)),
    MaxPooling2D((2, 2)),
    C2(16, kernel_size=3, activation="relu"),
    MaxPooling2D(pool_size=2),
    Flatten(),
    Dropout(0.5),
    Dense(10, activation="softmax"),
])
net.summary()
