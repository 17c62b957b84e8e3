// The generated Python files of npm run bench: 1 to 200 models of realistic shapes (Sequential, functional,
// helper-function style) with plain Python between them, as real files have.

/** Model templates in the three styles; {v} makes every variable name unique. */
export const TEMPLATES = [
  (v) => `model_${v} = keras.Sequential(name="mlp_${v}")
model_${v}.add(keras.Input(shape=(784,)))
model_${v}.add(layers.Dense(256, activation="relu"))
model_${v}.add(layers.Dropout(0.2))
model_${v}.add(layers.Dense(128, activation="relu"))
model_${v}.add(layers.Dense(10, activation="softmax"))
`,
  (v) => `inputs_${v} = keras.Input(shape=(32, 32, 3))
x_${v} = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs_${v})
x_${v} = layers.BatchNormalization()(x_${v})
x_${v} = layers.MaxPooling2D()(x_${v})
x_${v} = layers.Conv2D(64, 3, padding="same", activation="relu")(x_${v})
x_${v} = layers.GlobalAveragePooling2D()(x_${v})
outputs_${v} = layers.Dense(10)(x_${v})
cnn_${v} = keras.Model(inputs_${v}, outputs_${v}, name="cnn_${v}")
`,
  (v) => `def block_${v}(x, filters):
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    return layers.add([x, y])

img_${v} = keras.Input(shape=(16, 16, 8))
h_${v} = img_${v}
for _ in range(3):
    h_${v} = block_${v}(h_${v}, 8)
res_${v} = keras.Model(img_${v}, layers.Dense(4)(layers.Flatten()(h_${v})), name="res_${v}")
`,
];

export const HEADER = 'import keras\nfrom keras import layers\n\n';

/** Lines of plain Python between models (comments, constants). */
const FILLER = (i) => `# --- section ${i}: data loading and training settings ---\nBATCH_${i} = 32\nEPOCHS_${i} = 10\nLEARNING_RATE_${i} = 1e-3\n\n`;
const lineCount = (s) => s.split('\n').length;

/** A file of about `lines` lines holding `models` models, spread evenly with filler between. */
export function makeFile(lines, models) {
  const modelText = [];
  for (let i = 0; i < models; i++) modelText.push(TEMPLATES[i % TEMPLATES.length](i));
  const modelLines = modelText.join('\n').split('\n').length;
  const fillerPerGap = Math.max(0, Math.floor((lines - modelLines - 3) / Math.max(1, models) / 5));
  const parts = [HEADER];
  let count = lineCount(HEADER);
  for (let i = 0; i < models; i++) {
    for (let f = 0; f < fillerPerGap; f++) { parts.push(FILLER(`${i}_${f}`)); count += 5; }
    parts.push(modelText[i] + '\n');
    count += lineCount(modelText[i]);
  }
  for (let k = 0; count < lines; k++) { parts.push(FILLER(`tail_${k}`)); count += 5; }
  return parts.join('');
}

/** Where a one-character edit goes: the last digit of a Dense unit count past the middle of the file. */
export function editPoint(text) {
  const at = text.indexOf('Dense(256', Math.floor(text.length / 2));
  return at < 0 ? -1 : at + 'Dense(25'.length;
}
