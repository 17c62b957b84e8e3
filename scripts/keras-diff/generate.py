"""Seeded generator of random Keras 3 model sources for differential testing.

`generate(seed, index)` returns a `Case`: the Python source of one model file, plus
what the generator intended (`bad_line`: the 1-based line of a deliberately invalid
layer, or None). Every case is a pure function of (seed, index): `random.Random` is
seeded with an integer derived from both, so any single case can be regenerated.

The generator tracks shapes only as far as it needs to choose layers that are valid
for the current tensor (rank, known dims, sizes). It never asks Keras or keras-lens.
Shapes are tuples including the batch dim; `None` = unknown.
"""

import math
import random
import re
from dataclasses import dataclass, field

# Keep tensors small: Keras allocates the real weights.
MAX_SPATIAL = 32
MAX_CH = 16
MAX_UNITS = 32
MAX_FLAT = 2048


@dataclass
class Case:
    seed: int
    index: int
    source: str
    bad_line: int = None  # 1-based line of the deliberately invalid call
    bad_kind: str = None
    style: str = ""


# --------------------------------------------------------------------------
# spelling of names and values
# --------------------------------------------------------------------------


def pyrepr(v):
    if isinstance(v, str):
        return '"' + v + '"'
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, tuple):
        if len(v) == 1:
            return "(" + pyrepr(v[0]) + ",)"
        return "(" + ", ".join(pyrepr(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ", ".join(pyrepr(x) for x in v) + "]"
    return repr(v)


class Src(str):
    """Already-spelled source text (not to be quoted again)."""


# Positional order (prefix only) of the classes whose leading arguments we may pass positionally.
SIG = {
    "Dense": ["units", "activation", "use_bias"],
    "Conv1D": ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias"],
    "Conv2D": ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias"],
    "Conv3D": ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias"],
    "Conv1DTranspose": ["filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate", "activation", "use_bias"],
    "Conv2DTranspose": ["filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate", "activation", "use_bias"],
    "Conv3DTranspose": ["filters", "kernel_size", "strides", "padding", "data_format", "output_padding", "dilation_rate", "activation", "use_bias"],
    "SeparableConv1D": ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier", "activation", "use_bias"],
    "SeparableConv2D": ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier", "activation", "use_bias"],
    "DepthwiseConv1D": ["kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate", "activation", "use_bias"],
    "DepthwiseConv2D": ["kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate", "activation", "use_bias"],
    "ConvLSTM2D": ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate"],
    "MaxPooling1D": ["pool_size", "strides", "padding", "data_format"],
    "MaxPooling2D": ["pool_size", "strides", "padding", "data_format"],
    "MaxPooling3D": ["pool_size", "strides", "padding", "data_format"],
    "AveragePooling1D": ["pool_size", "strides", "padding", "data_format"],
    "AveragePooling2D": ["pool_size", "strides", "padding", "data_format"],
    "AveragePooling3D": ["pool_size", "strides", "padding", "data_format"],
    "GlobalMaxPooling1D": ["data_format", "keepdims"],
    "GlobalMaxPooling2D": ["data_format", "keepdims"],
    "GlobalMaxPooling3D": ["data_format", "keepdims"],
    "GlobalAveragePooling1D": ["data_format", "keepdims"],
    "GlobalAveragePooling2D": ["data_format", "keepdims"],
    "GlobalAveragePooling3D": ["data_format", "keepdims"],
    "ZeroPadding1D": ["padding", "data_format"],
    "ZeroPadding2D": ["padding", "data_format"],
    "ZeroPadding3D": ["padding", "data_format"],
    "Cropping1D": ["cropping"],
    "Cropping2D": ["cropping", "data_format"],
    "Cropping3D": ["cropping", "data_format"],
    "UpSampling1D": ["size"],
    "UpSampling2D": ["size", "data_format", "interpolation"],
    "UpSampling3D": ["size", "data_format"],
    "SimpleRNN": ["units", "activation", "use_bias"],
    "LSTM": ["units", "activation", "recurrent_activation", "use_bias"],
    "GRU": ["units", "activation", "recurrent_activation", "use_bias"],
    "Bidirectional": ["layer", "merge_mode"],
    "TimeDistributed": ["layer"],
    "BatchNormalization": ["axis", "momentum", "epsilon", "center", "scale"],
    "LayerNormalization": ["axis", "epsilon", "center", "scale"],
    "GroupNormalization": ["groups", "axis", "epsilon", "center", "scale"],
    "UnitNormalization": ["axis"],
    "Normalization": ["axis"],
    "Rescaling": ["scale", "offset"],
    "Resizing": ["height", "width", "interpolation"],
    "CenterCrop": ["height", "width"],
    "RandomCrop": ["height", "width", "seed"],
    "RandomFlip": ["mode", "seed"],
    "RandomRotation": ["factor"],
    "RandomZoom": ["height_factor", "width_factor"],
    "RandomTranslation": ["height_factor", "width_factor"],
    "RandomContrast": ["factor"],
    "RandomBrightness": ["factor"],
    "Embedding": ["input_dim", "output_dim"],
    "Masking": ["mask_value"],
    "Reshape": ["target_shape"],
    "Permute": ["dims"],
    "RepeatVector": ["n"],
    "Activation": ["activation"],
    "ReLU": ["max_value", "negative_slope", "threshold"],
    "LeakyReLU": ["negative_slope"],
    "ELU": ["alpha"],
    "Softmax": ["axis"],
    "PReLU": ["alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"],
    "Dropout": ["rate", "noise_shape", "seed"],
    "SpatialDropout1D": ["rate"],
    "SpatialDropout2D": ["rate", "data_format"],
    "SpatialDropout3D": ["rate", "data_format"],
    "GaussianNoise": ["stddev"],
    "GaussianDropout": ["rate"],
    "AlphaDropout": ["rate"],
    "ActivityRegularization": ["l1", "l2"],
    "Concatenate": ["axis"],
    "Dot": ["axes", "normalize"],
    "Flatten": ["data_format"],
    "Lambda": ["function", "output_shape"],
    "EinsumDense": ["equation", "output_shape", "activation", "bias_axes"],
    "RNN": ["cell", "return_sequences", "return_state"],
    "SimpleRNNCell": ["units", "activation", "use_bias"],
    "LSTMCell": ["units", "activation", "recurrent_activation", "use_bias"],
    "GRUCell": ["units", "activation", "recurrent_activation", "use_bias"],
    "StackedRNNCells": ["cells"],
    "RMSNormalization": ["axis", "epsilon"],
    "SpectralNormalization": ["layer", "power_iterations"],
    "AdaptiveAveragePooling1D": ["output_size", "data_format"],
    "AdaptiveAveragePooling2D": ["output_size", "data_format"],
    "AdaptiveAveragePooling3D": ["output_size", "data_format"],
    "AdaptiveMaxPooling1D": ["output_size", "data_format"],
    "AdaptiveMaxPooling2D": ["output_size", "data_format"],
    "AdaptiveMaxPooling3D": ["output_size", "data_format"],
    "CategoryEncoding": ["num_tokens", "output_mode"],
    "Discretization": ["bin_boundaries", "num_bins", "epsilon", "output_mode"],
}

# Constructors without **kwargs (a base-layer kwarg such as trainable= is a TypeError) or wrappers whose own
# trainable flag Keras does not apply to the wrapped weights (an open engine gap for SpectralNormalization).
NO_TRAINABLE_KW = ("SpatialDropout", "Discretization", "SpectralNormalization")

# Classes that can also be spelled through an alias of the same class.
ALIASES = {
    "Conv1D": ["Convolution1D"], "Conv2D": ["Convolution2D"], "Conv3D": ["Convolution3D"],
    "Conv2DTranspose": ["Convolution2DTranspose"],
    "MaxPooling1D": ["MaxPool1D"], "MaxPooling2D": ["MaxPool2D"], "MaxPooling3D": ["MaxPool3D"],
    "AveragePooling1D": ["AvgPool1D"], "AveragePooling2D": ["AvgPool2D"], "AveragePooling3D": ["AvgPool3D"],
    "GlobalAveragePooling1D": ["GlobalAvgPool1D"], "GlobalAveragePooling2D": ["GlobalAvgPool2D"],
    "GlobalMaxPooling2D": ["GlobalMaxPool2D"], "SeparableConv2D": ["SeparableConvolution2D"],
}

ACTIVATIONS = ["relu", "tanh", "sigmoid", "softmax", "gelu", "elu", "selu", "swish", "linear", "softplus"]

IMPORT_STYLES = ["keras", "layers", "from", "alias"]


class Spell:
    """How this file spells Keras names, and the import lines that make them valid."""

    def __init__(self, rng, style):
        self.rng = rng
        self.style = style
        self.used = {}  # class -> spelled name (for "from" style)
        self.api = set()  # Input / Sequential / Model / InputLayer imported directly
        self.from_api = style in ("from", "alias") and rng.random() < 0.6

    def layer(self, cls):
        if cls in ALIASES and self.rng.random() < 0.15:
            cls = self.rng.choice(ALIASES[cls])
        if self.style == "keras":
            return f"keras.layers.{cls}"
        if self.style == "layers":
            return f"layers.{cls}"
        if self.style == "alias":
            return f"L.{cls}"
        if cls not in self.used:
            self.used[cls] = cls if self.rng.random() < 0.8 else cls + "_"
        return self.used[cls]

    def api_name(self, name):
        """keras.Input / keras.Sequential / keras.Model."""
        if self.from_api:
            self.api.add(name)
            return name
        if self.style == "alias" and name in ("Sequential", "Model"):
            return f"K.{name}" if self.rng.random() < 0.5 else f"keras.models.{name}"
        return f"keras.{name}"

    def header(self):
        lines = ["import keras"]
        if self.style == "alias":
            lines = ["import keras", "import keras as K", "from keras import layers as L"]
        elif self.style == "layers":
            lines.append("from keras import layers")
        elif self.style == "from" and self.used:
            names = []
            for cls, spelled in sorted(self.used.items()):
                names.append(cls if cls == spelled else f"{cls} as {spelled}")
            lines.append("from keras.layers import " + ", ".join(names))
        if self.api:
            lines.append("from keras import " + ", ".join(sorted(self.api)))
        return lines


# --------------------------------------------------------------------------
# shape arithmetic (Keras 3 rules; None stays None)
# --------------------------------------------------------------------------


def conv_len(n, k, s, pad, d=1):
    if n is None:
        return None
    dk = d * (k - 1) + 1
    if pad == "valid":
        return (n - dk) // s + 1
    return -(-n // s)


def tconv_len(n, k, s, pad, d=1, op=None):
    if n is None:
        return None
    dk = d * (k - 1) + 1
    if op is None:
        return (n - 1) * s + max(dk, s) if pad == "valid" else n * s
    if pad == "valid":
        return (n - 1) * s + dk + op
    return (n - 1) * s + dk % 2 + op


def prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


class Fail(Exception):
    """This layer is not applicable to the current shape."""


class Gen:
    def __init__(self, seed, index):
        self.seed = seed
        self.index = index
        self.rng = random.Random(seed * 1_000_003 + index)
        r = self.rng
        self.spell = Spell(r, r.choice(IMPORT_STYLES))
        self.df = "channels_first" if r.random() < 0.25 else "channels_last"
        self.consts = []  # module-level constant lines
        self.const_count = 0
        self.body = []  # lines
        self.bad_body_line = None
        self.bad_kind = None
        self.names = set()
        self.var_count = 0
        self.layer_budget = r.randint(1, 15)
        self.inject = r.random() < 0.10
        self.exclude = ()
        self.functional_mode = False

    # ---------------- helpers ----------------

    def chance(self, p):
        return self.rng.random() < p

    def num(self, v):
        """An int argument, sometimes through a module-level constant or arithmetic."""
        if not isinstance(v, int) or isinstance(v, bool) or v < 0 or not self.chance(0.12):
            return Src(pyrepr(v))
        self.const_count += 1
        name = self.rng.choice(["N", "UNITS", "SIZE", "K", "DIM", "FILTERS"]) + f"_{self.const_count}"
        form = self.rng.randrange(4)
        if form == 0 or v < 2:
            self.consts.append(f"{name} = {v}")
            return Src(name)
        if form == 1 and v % 2 == 0:
            self.consts.append(f"{name} = {v // 2}")
            return Src(f"{name} * 2")
        if form == 2:
            self.consts.append(f"{name} = {v - 1}")
            return Src(f"{name} + 1")
        self.consts.append(f"{name} = {v * 2}")
        return Src(f"{name} // 2")

    def val(self, v):
        if isinstance(v, Src):
            return v
        if isinstance(v, int) and not isinstance(v, bool):
            return self.num(v)
        if isinstance(v, tuple) and v and all(isinstance(x, int) and not isinstance(x, bool) for x in v):
            if self.chance(0.2):
                return Src("[" + ", ".join(self.num(x) for x in v) + "]")
            if len(v) == 1:
                return Src("(" + self.num(v[0]) + ",)")
            return Src("(" + ", ".join(self.num(x) for x in v) + ")")
        return Src(pyrepr(v))

    def tup(self, v, rank):
        """kernel-size-like argument: int or a tuple of `rank` ints."""
        if isinstance(v, int) and rank > 1 and self.chance(0.5):
            return (v,) * rank
        if isinstance(v, int) and rank == 1 and self.chance(0.2):
            return (v,)
        return v

    def call(self, cls, args, extra=None):
        """Spell `cls(args...)`. args: list of (name, value) in any order; those that form a
        prefix of the class's positional signature may be passed positionally."""
        sig = SIG.get(cls, [])
        given = dict(args)
        npos = 0
        while npos < len(sig) and sig[npos] in given:
            npos += 1
        # required args (first in signature) are usually positional
        k = self.rng.randint(0, npos) if npos else 0
        if npos and self.chance(0.6):
            k = max(k, 1)
        parts = [self.val(given[sig[i]]) for i in range(k)]
        rest = [(n, v) for n, v in args if n not in sig[:k]]
        self.rng.shuffle(rest) if self.chance(0.2) else None
        parts += [f"{n}={self.val(v)}" for n, v in rest]
        if extra:
            parts += extra
        if self.chance(0.03) and not cls.startswith(NO_TRAINABLE_KW):
            parts.append("trainable=False")
        if self.chance(0.07):
            name = self.fresh_name(cls)
            parts.append(f'name="{name}"')
        return Src(f"{self.spell.layer(cls)}({', '.join(parts)})")

    def fresh_name(self, cls):
        base = "".join(c for c in cls.lower() if c.isalnum())[:6]
        i = 0
        while f"{base}_l{i}" in self.names:
            i += 1
        self.names.add(f"{base}_l{i}")
        return f"{base}_l{i}"

    def var(self, base="x"):
        self.var_count += 1
        return f"{base}{self.var_count}"

    def chan_axis(self, shape, df):
        return 1 if df == "channels_first" else len(shape) - 1

    def spatial(self, shape, df):
        return list(shape[2:]) if df == "channels_first" else list(shape[1:-1])

    def with_spatial(self, shape, df, sp, ch):
        if df == "channels_first":
            return (shape[0], ch) + tuple(sp)
        return (shape[0],) + tuple(sp) + (ch,)

    def layer_df(self):
        """data_format for an image layer: the model's, sometimes spelled explicitly."""
        df = self.df
        explicit = df == "channels_first" or self.chance(0.15)
        return df, explicit

    # ---------------- layers: each returns (expr, out_shape) or raises Fail ----------------

    def l_dense(self, s):
        if len(s) < 2 or s[-1] is None:
            raise Fail
        u = self.rng.randint(1, MAX_UNITS)
        args = [("units", u)]
        if self.chance(0.5):
            args.append(("activation", self.rng.choice(ACTIVATIONS)))
        if self.chance(0.15):
            args.append(("use_bias", False))
        return self.call("Dense", args), s[:-1] + (u,)

    def l_activation(self, s):
        r = self.rng.randrange(6)
        if r == 0:
            return self.call("Activation", [("activation", self.rng.choice(ACTIVATIONS))]), s
        if r == 1:
            args = []
            if self.chance(0.3):
                args.append(("max_value", self.rng.choice([6.0, 1.0])))
            if self.chance(0.3):
                args.append(("negative_slope", 0.1))
            return self.call("ReLU", args), s
        if r == 2:
            return self.call("LeakyReLU", [("negative_slope", 0.2)] if self.chance(0.5) else []), s
        if r == 3:
            return self.call("ELU", [("alpha", 0.5)] if self.chance(0.5) else []), s
        if r == 4:
            return self.call("Softmax", [("axis", -1)] if self.chance(0.3) else []), s
        # PReLU: alpha over non-batch dims, shared axes -> 1
        if len(s) < 2:
            raise Fail
        shared = []
        if len(s) > 2 and self.chance(0.5):
            shared = sorted(self.rng.sample(range(1, len(s)), self.rng.randint(1, len(s) - 1)))
        if any(s[i] is None for i in range(1, len(s)) if i not in shared):
            raise Fail
        if prod(s[i] for i in range(1, len(s)) if i not in shared) > 4096:
            raise Fail
        args = [("shared_axes", shared if len(shared) != 1 or self.chance(0.5) else shared[0])] if shared else []
        return self.call("PReLU", args), s

    def l_dropout(self, s):
        r = self.rng.randrange(6)
        rate = self.rng.choice([0.1, 0.2, 0.25, 0.5])
        if r == 0:
            return self.call("Dropout", [("rate", rate)]), s
        if r == 1:
            return self.call("GaussianNoise", [("stddev", self.rng.choice([0.1, 0.5, 1.0]))]), s
        if r == 2:
            return self.call("GaussianDropout", [("rate", rate)]), s
        if r == 3:
            return self.call("AlphaDropout", [("rate", rate)]), s
        if r == 4:
            return self.call("ActivityRegularization", [("l1", 0.01)] if self.chance(0.5) else [("l2", 0.001)]), s
        rank = len(s) - 2
        if rank not in (1, 2, 3):
            raise Fail
        cls = f"SpatialDropout{rank}D"
        args = [("rate", rate)]
        if rank > 1:
            df, explicit = self.layer_df()
            if explicit:
                args.append(("data_format", df))
        return self.call(cls, args), s

    def conv_params(self, sp, allow_causal=False, allow_dil=True, transpose=False):
        """Pick kernel, strides, padding, dilation valid for spatial dims sp. Returns dict or Fail."""
        rank = len(sp)
        known = [n for n in sp if n is not None]
        mn = min(known) if known else 8
        pad = self.rng.choice(["valid", "same"] + (["causal"] if allow_causal else []))
        if transpose:
            pad = self.rng.choice(["valid", "same"])
        k = self.rng.randint(1, min(5, mn) if pad == "valid" else 5)
        ks = [k] * rank
        if rank > 1 and self.chance(0.3):
            ks = [self.rng.randint(1, min(5, n) if (pad == "valid" and n is not None) else 3) for n in sp]
        strides = 1
        dil = 1
        if self.chance(0.35):
            strides = self.rng.choice([2, 2, 3])
        elif allow_dil and self.chance(0.2):
            dil = 2
        # check validity
        for n, kk in zip(sp, ks):
            if n is None:
                continue
            if not transpose and pad == "valid" and dil * (kk - 1) + 1 > n:
                raise Fail
        return {"k": ks, "s": strides, "pad": pad, "d": dil}

    def ks_arg(self, ks):
        if len(set(ks)) == 1:
            return self.tup(ks[0], len(ks))
        return tuple(ks)

    def l_conv(self, s):
        rank = len(s) - 2
        if rank not in (1, 2, 3):
            raise Fail
        df, explicit = self.layer_df()
        if rank == 1 and not explicit and self.df == "channels_first":
            df, explicit = "channels_first", True
        cin = s[self.chan_axis(s, df)]
        if cin is None:
            raise Fail
        sp = self.spatial(s, df)
        kind = self.rng.choice(["conv", "conv", "conv", "transpose", "separable", "depthwise"])
        if kind == "separable" and rank == 3:
            kind = "conv"
        if kind == "depthwise" and rank == 3:
            kind = "conv"
        p = self.conv_params(sp, allow_causal=(kind == "conv" and rank == 1), transpose=(kind == "transpose"))
        ks, st, pad, d = p["k"], p["s"], p["pad"], p["d"]
        dims = f"{rank}D"
        args = []
        if kind == "conv":
            f = self.rng.randint(1, MAX_CH)
            groups = 1
            if self.chance(0.15):
                divs = [g for g in range(2, cin + 1) if cin % g == 0 and f % g == 0]
                if divs:
                    groups = self.rng.choice(divs)
            cls = f"Conv{dims}"
            out_sp = [conv_len(n, kk, st, pad, d) for n, kk in zip(sp, ks)]
            out_c = f
            args = [("filters", f), ("kernel_size", self.ks_arg(ks))]
            if groups > 1:
                args.append(("groups", groups))
        elif kind == "transpose":
            f = self.rng.randint(1, MAX_CH)
            cls = f"Conv{dims}Transpose"
            op = None
            if st > 1 and self.chance(0.3):
                op = self.rng.randrange(st)
            out_sp = [tconv_len(n, kk, st, pad, d, op) for n, kk in zip(sp, ks)]
            out_c = f
            args = [("filters", f), ("kernel_size", self.ks_arg(ks))]
            if op is not None:
                args.append(("output_padding", op))
        elif kind == "separable":
            f = self.rng.randint(1, MAX_CH)
            dm = self.rng.choice([1, 1, 2])
            cls = f"SeparableConv{dims}"
            out_sp = [conv_len(n, kk, st, pad, d) for n, kk in zip(sp, ks)]
            out_c = f
            args = [("filters", f), ("kernel_size", self.ks_arg(ks))]
            if dm != 1:
                args.append(("depth_multiplier", dm))
        else:
            dm = self.rng.choice([1, 1, 2])
            if cin * dm > MAX_CH * 2:
                dm = 1
            cls = f"DepthwiseConv{dims}"
            out_sp = [conv_len(n, kk, st, pad, d) for n, kk in zip(sp, ks)]
            out_c = cin * dm
            args = [("kernel_size", self.ks_arg(ks))]
            if dm != 1:
                args.append(("depth_multiplier", dm))
        if any(n is not None and (n <= 0 or n > MAX_SPATIAL) for n in out_sp):
            raise Fail
        if rank == 3 and any(n is not None and n > 10 for n in out_sp):
            raise Fail
        if st != 1:
            args.append(("strides", self.tup(st, rank)))
        if pad != "valid" or self.chance(0.2):
            args.append(("padding", pad))
        if d != 1:
            args.append(("dilation_rate", self.tup(d, rank)))
        if explicit:
            args.append(("data_format", df))
        if self.chance(0.3):
            args.append(("activation", self.rng.choice(ACTIVATIONS[:4])))
        if self.chance(0.1):
            args.append(("use_bias", False))
        return self.call(cls, args), self.with_spatial(s, df, out_sp, out_c)

    def l_pool(self, s):
        rank = len(s) - 2
        if rank not in (1, 2, 3):
            raise Fail
        df, explicit = self.layer_df()
        sp = self.spatial(s, df)
        ch = s[self.chan_axis(s, df)]
        if self.chance(0.3):
            cls = self.rng.choice(["GlobalMaxPooling", "GlobalAveragePooling"]) + f"{rank}D"
            keep = self.chance(0.3)
            args = []
            if keep:
                args.append(("keepdims", True))
            if explicit:
                args.append(("data_format", df))
            if keep:
                out = self.with_spatial(s, df, [1] * rank, ch)
            else:
                out = (s[0], ch)
            return self.call(cls, args), out
        cls = self.rng.choice(["MaxPooling", "AveragePooling"]) + f"{rank}D"
        known = [n for n in sp if n is not None]
        mn = min(known) if known else 4
        pad = self.rng.choice(["valid", "same"])
        pool = self.rng.randint(1 if pad == "same" else 1, min(3, mn) if pad == "valid" else 3)
        if pool == 1 and self.chance(0.7):
            pool = min(2, mn) if pad == "valid" else 2
        st = None
        if self.chance(0.3):
            st = self.rng.randint(1, 3)
        stv = st if st is not None else pool
        out_sp = []
        for n in sp:
            if n is None:
                out_sp.append(None)
            elif pad == "valid":
                if n < pool:
                    raise Fail
                out_sp.append((n - pool) // stv + 1)
            else:
                out_sp.append(-(-n // stv))
        args = []
        default_pool = cls.startswith("Max") and pool == 2 and self.chance(0.4)
        if not default_pool:
            args.append(("pool_size", self.tup(pool, rank)))
        if st is not None:
            args.append(("strides", self.tup(st, rank)))
        if pad != "valid" or self.chance(0.2):
            args.append(("padding", pad))
        if explicit:
            args.append(("data_format", df))
        return self.call(cls, args), self.with_spatial(s, df, out_sp, ch)

    def l_reshaping(self, s):
        rank = len(s) - 2
        r = self.rng.randrange(7)
        if r == 0:  # Flatten
            if len(s) < 3:
                raise Fail
            if any(n is None for n in s[1:]):
                out = (s[0], None)
            else:
                t = prod(s[1:])
                if t > MAX_FLAT:
                    raise Fail
                out = (s[0], t)
            args = []
            if self.chance(0.1):
                args.append(("data_format", self.df))
            return self.call("Flatten", args), out
        if r == 1:  # Reshape
            if any(n is None for n in s[1:]):
                raise Fail
            t = prod(s[1:])
            target = self.factor(t)
            out = (s[0],) + tuple(target)
            spelled = list(target)
            if self.chance(0.4):
                spelled[self.rng.randrange(len(spelled))] = -1
            return self.call("Reshape", [("target_shape", tuple(spelled))]), out
        if r == 2:  # Permute
            if len(s) < 3:
                raise Fail
            dims = list(range(1, len(s)))
            self.rng.shuffle(dims)
            out = (s[0],) + tuple(s[i] for i in dims)
            return self.call("Permute", [("dims", tuple(dims))]), out
        if r == 3:  # RepeatVector
            if len(s) != 2:
                raise Fail
            n = self.rng.randint(1, 8)
            return self.call("RepeatVector", [("n", n)]), (s[0], n, s[1])
        if rank not in (1, 2, 3):
            raise Fail
        df, explicit = self.layer_df()
        if rank == 1:
            df, explicit = "channels_last", False
        sp = self.spatial(s, df)
        ch = s[self.chan_axis(s, df)]
        dims = f"{rank}D"
        if r == 4:  # ZeroPadding
            pads = [(self.rng.randint(0, 2), self.rng.randint(0, 2)) for _ in sp]
            form = self.rng.randrange(3)
            if form == 0:
                p = self.rng.randint(1, 2)
                pads = [(p, p)] * rank
                arg = p
            elif form == 1 and rank > 1:
                sym = [self.rng.randint(0, 2) for _ in sp]
                pads = [(x, x) for x in sym]
                arg = tuple(sym)
            else:
                arg = tuple(pads) if rank > 1 else pads[0]
            out_sp = [None if n is None else n + a + b for n, (a, b) in zip(sp, pads)]
            if any(n is not None and n > MAX_SPATIAL for n in out_sp):
                raise Fail
            args = [("padding", arg)] if not (form == 0 and p == 1 and self.chance(0.3)) else []
            if explicit and rank > 1:
                args.append(("data_format", df))
            return self.call(f"ZeroPadding{dims}", args), self.with_spatial(s, df, out_sp, ch)
        if r == 5:  # Cropping
            crops = []
            for n in sp:
                if n is None or n < 3:
                    crops.append((0, 0))
                else:
                    a = self.rng.randint(0, min(2, (n - 1) // 2))
                    b = self.rng.randint(0, min(2, (n - 1) // 2))
                    crops.append((a, b))
            if rank == 1:
                arg = crops[0] if self.chance(0.7) or crops[0][0] != crops[0][1] else crops[0][0]
            else:
                arg = tuple(crops)
            out_sp = [None if n is None else n - a - b for n, (a, b) in zip(sp, crops)]
            args = [("cropping", arg)]
            if explicit and rank > 1:
                args.append(("data_format", df))
            return self.call(f"Cropping{dims}", args), self.with_spatial(s, df, out_sp, ch)
        # UpSampling
        size = [self.rng.randint(1, 3) for _ in sp]
        if rank == 1 or self.chance(0.5):
            size = [size[0]] * rank
        out_sp = [None if n is None else n * k for n, k in zip(sp, size)]
        if any(n is not None and n > (MAX_SPATIAL if rank < 3 else 10) for n in out_sp):
            raise Fail
        arg = size[0] if len(set(size)) == 1 and (rank == 1 or self.chance(0.5)) else tuple(size)
        args = [("size", arg)]
        if rank == 2 and self.chance(0.2):
            args.append(("interpolation", "bilinear"))
        if explicit and rank > 1:
            args.append(("data_format", df))
        return self.call(f"UpSampling{dims}", args), self.with_spatial(s, df, out_sp, ch)

    def factor(self, t):
        """A random shape (1-4 dims) whose product is t, dims kept modest."""
        for _ in range(20):
            nd = self.rng.randint(1, 3)
            dims = []
            rest = t
            for _ in range(nd - 1):
                divs = [d for d in range(1, min(rest, 32) + 1) if rest % d == 0]
                d = self.rng.choice(divs)
                dims.append(d)
                rest //= d
            dims.append(rest)
            if all(d <= 4096 for d in dims):
                return dims
        return [t]

    def l_norm(self, s):
        r = self.rng.randrange(5)
        if r == 0:  # BatchNormalization, any axis
            axes = [i for i in range(1, len(s)) if s[i] is not None]
            if not axes:
                raise Fail
            if len(s) >= 3 and self.df == "channels_first" and s[1] is not None and self.chance(0.7):
                ax = 1
            else:
                ax = self.rng.choice(axes)
            args = []
            if ax != len(s) - 1 or self.chance(0.3):
                spelled = ax if self.chance(0.6) else ax - len(s)
                args.append(("axis", spelled))
            if self.chance(0.2):
                args.append(("center", False))
            if self.chance(0.2):
                args.append(("scale", False))
            if self.chance(0.2):
                args.append(("momentum", 0.9))
            return self.call("BatchNormalization", args), s
        if r == 1:  # LayerNormalization
            if s[-1] is None:
                raise Fail
            args = []
            if len(s) > 2 and self.chance(0.3) and all(n is not None for n in s[1:]):
                axes = sorted(self.rng.sample(range(1, len(s)), self.rng.randint(1, len(s) - 1)))
                args.append(("axis", axes if len(axes) > 1 or self.chance(0.5) else axes[0]))
            if self.chance(0.2):
                args.append(("center", False))
            if self.chance(0.2):
                args.append(("scale", False))
            return self.call("LayerNormalization", args), s
        if r == 2:  # GroupNormalization
            ax = self.chan_axis(s, self.df) if len(s) >= 3 else 1
            c = s[ax]
            if c is None:
                raise Fail
            divs = [g for g in range(1, c + 1) if c % g == 0]
            g = self.rng.choice(divs + [-1])
            args = [("groups", g)]
            if ax != len(s) - 1:
                args.append(("axis", ax))
            return self.call("GroupNormalization", args), s
        if r == 3:
            args = [("axis", self.rng.choice([-1, 1]))] if self.chance(0.3) else []
            return self.call("UnitNormalization", args), s
        # Normalization (adapt-less: mean/variance weights are non-trainable)
        if s[-1] is None:
            raise Fail
        args = []
        if self.chance(0.2):
            args.append(("axis", None))
        elif len(s) > 2 and self.chance(0.2) and all(n is not None for n in s[1:]):
            args.append(("axis", tuple(range(1, len(s)))))
        elif self.chance(0.15):
            args += [("mean", 0.5), ("variance", 2.0)]
        return self.call("Normalization", args), s

    def l_preproc(self, s):
        r = self.rng.randrange(4)
        if r == 0:
            args = [("scale", self.rng.choice([Src("1.0 / 255"), 0.5, 2.0]))]
            if self.chance(0.3):
                args.append(("offset", -1.0))
            return self.call("Rescaling", args), s
        if len(s) != 4:
            raise Fail
        df, explicit = self.layer_df()
        sp = self.spatial(s, df)
        ch = s[self.chan_axis(s, df)]
        if r == 1:
            cls = self.rng.choice(["Resizing", "CenterCrop", "RandomCrop"])
            if cls == "Resizing":
                h, w = self.rng.randint(2, 24), self.rng.randint(2, 24)
            else:
                if any(n is None for n in sp):
                    raise Fail
                h, w = self.rng.randint(1, sp[0]), self.rng.randint(1, sp[1])
            args = [("height", h), ("width", w)]
            if explicit:
                args.append(("data_format", df))
            return self.call(cls, args), self.with_spatial(s, df, [h, w], ch)
        cls = self.rng.choice(["RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast", "RandomBrightness"])
        if cls == "RandomFlip":
            args = [("mode", self.rng.choice(["horizontal", "vertical", "horizontal_and_vertical"]))] if self.chance(0.6) else []
        elif cls == "RandomRotation":
            args = [("factor", 0.1)]
        elif cls in ("RandomZoom", "RandomTranslation"):
            args = [("height_factor", 0.1), ("width_factor", 0.2)] if self.chance(0.5) else [("height_factor", 0.2)]
            if cls == "RandomTranslation" and len(args) == 1:
                args.append(("width_factor", 0.1))
        else:
            args = [("factor", 0.2)]
        if explicit:
            args.append(("data_format", df))
        return self.call(cls, args), s

    def rnn_layer(self, s, allow_multi, backwards_ok=True):
        """(expr, primary_out, all_outs or None) for SimpleRNN/LSTM/GRU on a rank-3 input."""
        if len(s) != 3 or s[-1] is None:
            raise Fail
        cls = self.rng.choice(["SimpleRNN", "LSTM", "GRU"])
        u = self.rng.randint(1, 16)
        rs = self.chance(0.5)
        rst = allow_multi and self.chance(0.25)
        args = [("units", u)]
        if rs:
            args.append(("return_sequences", True))
        if rst:
            args.append(("return_state", True))
        if self.chance(0.1):
            args.append(("use_bias", False))
        if cls == "GRU" and self.chance(0.25):
            args.append(("reset_after", False))
        if backwards_ok and self.chance(0.1):
            args.append(("go_backwards", True))
        out = (s[0], s[1], u) if rs else (s[0], u)
        nstates = 2 if cls == "LSTM" else 1
        return cls, args, out, [(s[0], u)] * nstates, rst

    def l_recurrent(self, s, allow_multi=False):
        r = self.rng.randrange(5)
        if r <= 2:
            cls, args, out, states, rst = self.rnn_layer(s, allow_multi)
            expr = self.call(cls, args)
            return expr, ([out] + states if rst else out)
        if r == 3:  # Bidirectional (its inner layer must not go backwards: K3 ERR)
            cls, args, out, states, rst = self.rnn_layer(s, allow_multi, backwards_ok=False)
            inner = self.call(cls, args)
            mm = self.rng.choice(["concat", "sum", "mul", "ave", None, "concat"])
            if mm is None and not allow_multi:
                mm = "concat"
            bargs = [("layer", inner)]
            if mm != "concat" or self.chance(0.2):
                bargs.append(("merge_mode", mm))
            merged = out[:-1] + (out[-1] * 2,) if mm == "concat" else out
            if mm is None:
                outs = [out, out]
            else:
                outs = [merged]
            if rst:
                outs = outs + states + states
            expr = self.call("Bidirectional", bargs)
            return expr, (outs if len(outs) > 1 else outs[0])
        # TimeDistributed
        if len(s) < 3:
            raise Fail
        inner_s = (s[0],) + s[2:]
        choice = self.rng.randrange(3)
        saved_df = self.df
        try:
            if choice == 0 or len(inner_s) < 3:
                expr, o = self.l_dense(inner_s)
            elif choice == 1:
                self.df = "channels_last"
                expr, o = self.l_conv(inner_s)
            else:
                self.df = "channels_last"
                expr, o = self.l_reshaping_flatten(inner_s)
        finally:
            self.df = saved_df
        return self.call("TimeDistributed", [("layer", expr)]), (s[0], s[1]) + o[1:]

    def l_reshaping_flatten(self, s):
        if len(s) < 3 or any(n is None for n in s[1:]) or prod(s[1:]) > MAX_FLAT:
            raise Fail
        return self.call("Flatten", []), (s[0], prod(s[1:]))

    def l_convlstm(self, s):
        if len(s) != 5 or any(n is None for n in s[2:]):
            raise Fail
        sp = list(s[2:4])
        ch = s[4]
        k = self.rng.randint(1, min(3, min(sp)))
        f = self.rng.randint(1, 8)
        rs = self.chance(0.5)
        args = [("filters", f), ("kernel_size", self.tup(k, 2))]
        pad = "valid"
        if self.chance(0.4):
            pad = "same"
            args.append(("padding", pad))
        if rs:
            args.append(("return_sequences", True))
        o = [conv_len(n, k, 1, pad) for n in sp]
        out = (s[0], s[1], *o, f) if rs else (s[0], *o, f)
        return self.call("ConvLSTM2D", args), out

    def l_embedding_like(self, s):
        if self.chance(0.5) and "mask" not in self.exclude:
            return self.call("Masking", [("mask_value", 0.0)] if self.chance(0.5) else []), s
        if self.chance(0.5):
            return self.call("Identity", []), s
        # Lambda with an explicit output_shape equal to the input's
        if any(n is None for n in s[1:]):
            raise Fail
        return Src(f"{self.spell.layer('Lambda')}(lambda t: t * 2.0, output_shape={pyrepr(tuple(s[1:]))})"), s

    # ---------------- layers added with the second catalogue round ----------------

    def l_einsum(self, s):
        """EinsumDense in the three equation forms keras-layers.md lists."""
        if len(s) not in (2, 3) or s[-1] is None:
            raise Fail
        u = self.rng.randint(1, MAX_UNITS)
        form = self.rng.randrange(3)
        if len(s) == 2 or form == 0:
            if len(s) == 2:
                eq, osh, out = "ab,bc->ac", u if self.chance(0.5) else (u,), (s[0], u)
            else:
                eq, out = "...b,bc->...c", s[:-1] + (u,)
                osh = u
            bias = "c" if self.chance(0.6) else None
        elif form == 1:
            # a None in output_shape stays None even where the input dim is known
            t = s[1] if self.chance(0.5) else None
            eq, osh, out = "abc,cd->abd", (t, u), (s[0], t, u)
            bias = self.rng.choice(["d", "bd", None]) if t is not None else self.rng.choice(["d", None])
        else:
            # a second output letter from the weight: "abc,cde->abde"
            if s[1] is None:
                raise Fail
            v = self.rng.randint(1, 4)
            eq, osh, out = "abc,cde->abde", (s[1], v, u), (s[0], s[1], v, u)
            bias = self.rng.choice(["e", "de", None])
        args = [("equation", eq), ("output_shape", osh)]
        if bias:
            args.append(("bias_axes", bias))
        if self.chance(0.3):
            args.append(("activation", self.rng.choice(ACTIVATIONS[:4])))
        return self.call("EinsumDense", args), out

    def rnn_cell(self):
        """(expr, output_size, state sizes) for one SimpleRNNCell/LSTMCell/GRUCell."""
        cls = self.rng.choice(["SimpleRNNCell", "LSTMCell", "GRUCell"])
        u = self.rng.randint(1, 12)
        args = [("units", u)]
        if self.chance(0.1):
            args.append(("use_bias", False))
        if cls == "GRUCell" and self.chance(0.25):
            args.append(("reset_after", False))
        return self.call(cls, args), u, [u, u] if cls == "LSTMCell" else [u]

    def l_rnn_cells(self, s, allow_multi=False):
        """RNN(cell) / RNN([cells]) / RNN(StackedRNNCells([...])), sometimes inside Bidirectional."""
        if len(s) != 3 or s[-1] is None:
            raise Fail
        n = 1 if self.chance(0.6) else self.rng.randint(2, 3)
        cells = [self.rnn_cell() for _ in range(n)]
        if n == 1 and self.chance(0.8):
            cell_src = cells[0][0]
        else:
            lst = Src("[" + ", ".join(c[0] for c in cells) + "]")
            cell_src = self.call("StackedRNNCells", [("cells", lst)]) if self.chance(0.3) else lst
        size = cells[-1][1]
        states = [st for c in cells for st in c[2]]
        rs = self.chance(0.5)
        bidi = self.chance(0.25)
        # A stack holding an LSTMCell returns its states nested ([out, [h, c], ...]): Python unpacking then sees
        # fewer values than the summary's flat list, which keras-lens does not model (see KNOWN.md).
        nested = cell_src != cells[0][0] and any("LSTMCell" in c[0] for c in cells)
        rst = allow_multi and not bidi and not nested and self.chance(0.25)
        args = [("cell", Src(cell_src))]
        if rs:
            args.append(("return_sequences", True))
        if rst:
            args.append(("return_state", True))
        out = (s[0], s[1], size) if rs else (s[0], size)
        expr = self.call("RNN", args)
        if bidi:
            return self.call("Bidirectional", [("layer", expr)]), out[:-1] + (2 * size,)
        if rst:
            return expr, [out] + [(s[0], st) for st in states]
        return expr, out

    def l_extra_norm(self, s):
        """RMSNormalization, or SpectralNormalization around a Dense / Conv."""
        if len(s) < 2 or s[-1] is None:
            raise Fail
        if self.chance(0.5):
            args = []
            if len(s) > 2 and self.chance(0.3) and all(n is not None for n in s[1:]):
                axes = sorted(self.rng.sample(range(1, len(s)), self.rng.randint(1, len(s) - 1)))
                args.append(("axis", axes if len(axes) > 1 else axes[0]))
            elif self.chance(0.2):
                args.append(("axis", -1))
            return self.call("RMSNormalization", args), s
        saved = self.df
        try:
            if len(s) in (3, 4) and self.chance(0.4):
                self.df = "channels_last"
                inner, out = self.l_conv(s)
                if not re.search(r"\b(Conv[123]D|Convolution[123]D|Conv[123]DTranspose|Convolution2DTranspose|DepthwiseConv[12]D)_?\(", inner):
                    raise Fail
            else:
                inner, out = self.l_dense(s)
        finally:
            self.df = saved
        args = [("layer", inner)]
        if self.chance(0.2):
            args.append(("power_iterations", 2))
        return self.call("SpectralNormalization", args), out

    def l_adaptive(self, s):
        rank = len(s) - 2
        if rank not in (1, 2, 3):
            raise Fail
        df, explicit = self.layer_df()
        ch = s[self.chan_axis(s, df)]
        size = [self.rng.randint(1, 4 if rank < 3 else 3) for _ in range(rank)]
        arg = size[0] if len(set(size)) == 1 and self.chance(0.5) else tuple(size)
        cls = self.rng.choice(["AdaptiveAveragePooling", "AdaptiveMaxPooling"]) + f"{rank}D"
        args = [("output_size", arg)]
        if explicit:
            args.append(("data_format", df))
        return self.call(cls, args), self.with_spatial(s, df, size, ch)

    def l_categorical(self, s):
        """CategoryEncoding / Discretization (the TensorFlow-free categorical layers) on a rank-2 tensor."""
        if len(s) != 2 or s[-1] is None:
            raise Fail
        if self.chance(0.5):
            n = self.rng.randint(2, 12)
            mode = self.rng.choice(["multi_hot", "count", "one_hot", None])
            args = [("num_tokens", n)] + ([("output_mode", mode)] if mode else [])
            if mode == "one_hot":
                if s[1] * n > MAX_FLAT:
                    raise Fail
                out = (s[0], n) if s[1] == 1 else (s[0], s[1], n)
            else:
                out = (s[0], n)
            return self.call("CategoryEncoding", args), out
        mode = self.rng.choice(["int", "one_hot", "multi_hot", "count", None])
        if self.chance(0.5):
            k = self.rng.randint(1, 5)
            args = [("bin_boundaries", [round(0.5 * i - 1.0, 2) for i in range(k)])]
            depth = k + 1
        else:
            depth = self.rng.randint(2, 6)
            args = [("num_bins", depth)]
        if mode:
            args.append(("output_mode", mode))
        if mode in (None, "int"):
            out = s
        elif mode == "one_hot":
            out = (s[0], depth) if s[1] == 1 else (s[0], s[1], depth)
        else:
            out = (s[0], depth)
        return self.call("Discretization", args), out

    FAMILIES = [
        ("dense", 5), ("activation", 3), ("dropout", 2), ("conv", 6), ("pool", 4), ("reshaping", 4),
        ("norm", 3), ("preproc", 2), ("recurrent", 4), ("convlstm", 1), ("embedding_like", 1),
        ("einsum", 2), ("rnn_cells", 2), ("extra_norm", 2), ("adaptive", 1), ("categorical", 1),
    ]

    def pick_layer(self, s, allow_multi=False):
        """A random valid layer for shape s: (expr, out)."""
        fams = [f for f, w in self.FAMILIES for _ in range(w)]
        # steer: images prefer image layers, rank 2 prefers dense
        for _ in range(60):
            fam = self.rng.choice(fams)
            try:
                if fam in ("recurrent", "rnn_cells"):
                    got = getattr(self, "l_" + fam)(s, allow_multi)
                else:
                    got = getattr(self, "l_" + fam)(s)
            except Fail:
                continue
            if self.exclude and any(re.search(rf"\b{c}_?\(", got[0]) for c in self.exclude):
                continue
            return got
        return self.l_dense(s) if s[-1] is not None else self.l_dropout(s)

    # ---------------- deliberate errors ----------------

    def bad_layer(self, s):
        """(expr, kind) for a layer Keras 3 must reject on input shape s (or at construction)."""
        kinds = ["conv_rank", "reshape_size", "valid_too_big", "rnn_rank", "repeat_rank", "groupnorm",
                 "crop_too_much", "dropout_rate", "transpose_op", "stride_dilation", "unknown_kwarg",
                 "pool_upper", "avgpool_nosize", "permute_bad", "dense_unknown", "units_float",
                 "bidir_backwards", "add_incompatible", "concat_mismatch", "spatial_dropout_kwarg"]
        for _ in range(50):
            kind = self.rng.choice(kinds)
            try:
                return self._bad(kind, s), kind
            except Fail:
                continue
        return self.call("Dropout", [("rate", 1.5)]), "dropout_rate"

    def _bad(self, kind, s):
        r = self.rng
        if kind == "conv_rank":
            choices = [d for d in (1, 2, 3) if d + 2 != len(s)]
            d = r.choice(choices)
            return self.call(f"Conv{d}D", [("filters", r.randint(1, 8)), ("kernel_size", 1)])
        if kind == "reshape_size":
            if any(n is None for n in s[1:]):
                raise Fail
            t = prod(s[1:])
            return self.call("Reshape", [("target_shape", (t + r.randint(1, 3),))])
        if kind == "valid_too_big":
            rank = len(s) - 2
            if rank not in (1, 2):
                raise Fail
            sp = self.spatial(s, "channels_last")
            if any(n is None for n in sp) or s[-1] is None:
                raise Fail
            k = max(sp) + r.randint(1, 2)
            if r.random() < 0.5:
                return self.call(f"Conv{rank}D", [("filters", 2), ("kernel_size", k)])
            return self.call(f"MaxPooling{rank}D", [("pool_size", k)])
        if kind == "rnn_rank":
            if len(s) == 3:
                raise Fail
            return self.call(r.choice(["LSTM", "GRU", "SimpleRNN"]), [("units", 4)])
        if kind == "repeat_rank":
            if len(s) == 2:
                raise Fail
            return self.call("RepeatVector", [("n", 3)])
        if kind == "groupnorm":
            c = s[-1]
            if c is None or c < 2:
                raise Fail
            bad = [g for g in range(2, 17) if c % g != 0]
            if not bad:
                raise Fail
            if c < 32 and r.random() < 0.3:
                return self.call("GroupNormalization", [])
            return self.call("GroupNormalization", [("groups", r.choice(bad))])
        if kind == "crop_too_much":
            if len(s) != 3 or s[1] is None:
                raise Fail
            return self.call("Cropping1D", [("cropping", (s[1], 1))])
        if kind == "dropout_rate":
            return self.call("Dropout", [("rate", r.choice([1.5, -0.5, 2.0]))])
        if kind == "transpose_op":
            if len(s) != 4 or s[-1] is None:
                raise Fail
            return self.call("Conv2DTranspose", [("filters", 4), ("kernel_size", 3), ("strides", 2), ("output_padding", r.choice([2, 3]))])
        if kind == "stride_dilation":
            if len(s) != 4 or s[-1] is None:
                raise Fail
            return self.call("Conv2D", [("filters", 4), ("kernel_size", 2), ("strides", 2), ("dilation_rate", 2), ("padding", "same")])
        if kind == "unknown_kwarg":
            return Src(f"{self.spell.layer('Dense')}(4, {r.choice(['unit', 'activations', 'kernel_init', 'input_len'])}=None)")
        if kind == "pool_upper":
            if len(s) != 4:
                raise Fail
            return self.call("MaxPooling2D", [("pool_size", 1), ("padding", "SAME")])
        if kind == "avgpool_nosize":
            if len(s) != 4:
                raise Fail
            return Src(f"{self.spell.layer('AveragePooling2D')}()")
        if kind == "permute_bad":
            if len(s) < 3:
                raise Fail
            n = len(s) - 1
            return self.call("Permute", [("dims", tuple([1] * n))])
        if kind == "dense_unknown":
            if s[-1] is not None:
                raise Fail
            return self.call("Dense", [("units", 4)])
        if kind == "spatial_dropout_kwarg":
            # SpatialDropout1D/2D/3D.__init__ has no **kwargs: any base-layer kwarg is a TypeError
            if len(s) not in (3, 4, 5):
                raise Fail
            kw = r.choice(["trainable=False", "dtype=\"float32\"" if False else "trainable=True", "input_shape=(4, 4)"])
            return Src(f"{self.spell.layer(f'SpatialDropout{len(s) - 2}D')}(0.1, {kw})")
        if kind == "bidir_backwards":
            if len(s) != 3 or s[-1] is None:
                raise Fail
            inner = self.call(r.choice(["LSTM", "GRU", "SimpleRNN"]), [("units", r.randint(1, 8)), ("go_backwards", True)])
            return self.call("Bidirectional", [("layer", inner)])
        if kind in ("add_incompatible", "concat_mismatch"):
            # one merge call on [x, f(x)] (%X% stands for x; the caller substitutes it)
            if len(s) < 2 or any(n is None for n in s[1:]) or not self.functional_mode:
                raise Fail
            L = self.spell.layer
            if kind == "add_incompatible":
                if s[-1] < 2:
                    raise Fail
                merge = L(r.choice(["Add", "Multiply", "Subtract", "Maximum", "Average"]))
                return Src(f"{merge}()([%X%, {L('Dense')}({s[-1] + r.randint(1, 3)})(%X%)])")
            if len(s) not in (3, 4) or s[1] < 2 or (len(s) == 4 and s[2] < 2):
                raise Fail
            crop = f"{L('Cropping1D')}((1, 0))" if len(s) == 3 else f"{L('Cropping2D')}(((1, 0), (0, 0)))"
            return Src(f"{L('Concatenate')}()([%X%, {crop}(%X%)])")
        if kind == "units_float":
            return Src(f"{self.spell.layer('Dense')}({r.choice(['8.0', '0', '-2'])})")
        raise Fail

    # ---------------- inputs ----------------

    def random_input_shape(self):
        r = self.rng
        kind = r.choice(["flat", "flat", "seq", "seq", "image", "image", "image", "volume", "video", "tokens"])
        if kind == "flat":
            return (None, r.randint(1, 32)), kind
        if kind == "seq":
            t = None if r.random() < 0.15 else r.randint(2, 20)
            return (None, t, r.randint(1, 12)), kind
        if kind == "tokens":
            return (None, r.randint(2, 16)), kind
        if kind == "image":
            h = r.randint(4, 32)
            w = h if r.random() < 0.6 else r.randint(4, 32)
            c = r.choice([1, 2, 3, 4, 8])
            if self.df == "channels_first":
                return (None, c, h, w), kind
            return (None, h, w, c), kind
        if kind == "volume":
            d, h, w, c = r.randint(3, 8), r.randint(3, 8), r.randint(3, 8), r.choice([1, 2, 3])
            if self.df == "channels_first":
                return (None, c, d, h, w), kind
            return (None, d, h, w, c), kind
        # video: (T, H, W, C) for TimeDistributed / ConvLSTM
        return (None, r.randint(2, 4), r.randint(4, 10), r.randint(4, 10), r.choice([1, 2, 3])), "video"

    def input_expr(self, shape, dtype=None, batch=None):
        sh = shape[1:]
        r = self.rng
        shape_src = self.val(tuple(sh)) if sh else Src("()")
        if r.random() < 0.5:
            parts = [f"shape={shape_src}"]
        else:
            parts = [shape_src]
        if batch is not None:
            parts.append(f"batch_size={batch}")
        if dtype:
            parts.append(f'dtype="{dtype}"')
        if r.random() < 0.1:
            parts.append(f'name="{self.fresh_name("in")}"')
        return f"{self.spell.api_name('Input')}({', '.join(parts)})"

    def input_layer_expr(self, shape):
        sh = self.val(tuple(shape[1:]))
        kw = "shape" if self.chance(0.7) else "input_shape"
        return f"{self.spell.layer('InputLayer')}({kw}={sh})"

    def start_tokens(self, shape):
        """An Embedding layer for an int token input (rank 2)."""
        vocab = self.rng.randint(2, 50)
        dim = self.rng.randint(1, 16)
        args = [("input_dim", vocab), ("output_dim", dim)]
        if self.chance(0.2) and "mask" not in self.exclude:
            args.append(("mask_zero", True))
        if self.chance(0.1):
            args.append(("input_length", shape[1]))
        return self.call("Embedding", args), shape + (dim,)

    # ---------------- model styles ----------------

    def emit(self, line, bad=False):
        self.body.append(line)
        if bad:
            self.bad_body_line = len(self.body) - 1

    def sequential(self, var="model", allow_error=True, input_shape=None, nested=False):
        r = self.rng
        shape, kind = (input_shape, "given") if input_shape is not None else self.random_input_shape()
        n = self.layer_budget if not nested else r.randint(1, 4)
        self.layer_budget -= n if not nested else 0
        mode = r.choice(["Input", "Input", "InputLayer", "input_shape", "build", "unbuilt"] if not nested else ["Input", "none"])
        if kind == "tokens" and mode == "input_shape":
            mode = "Input"
        exprs = []  # (expr, is_bad)
        s = shape
        first_expr = None
        if kind == "tokens":
            e, s = self.start_tokens(shape)
            exprs.append((e, False))
            n -= 1
        inject = allow_error and self.inject and mode != "unbuilt"
        bad_at = r.randint(0, max(0, n - 1)) if inject else -1
        for i in range(max(n, 0 if exprs else 1)):
            if i == bad_at:
                e, self.bad_kind = self.bad_layer(s)
                exprs.append((e, True))
                break
            last = i == n - 1
            e, s2 = self.pick_layer(s, allow_multi=last and not nested)
            exprs.append((e, False))
            s = s2
            if isinstance(s, list):
                break
        if mode == "input_shape":
            e0, b0 = exprs[0]
            # These constructors take no **kwargs in Keras 3: input_shape= would be a TypeError.
            if "SpatialDropout" in e0 or "Discretization" in e0:
                mode = "Input"
            else:
                kw = "input_shape" if self.chance(0.85) else "input_dim"
                if kw == "input_dim" and len(shape) != 2:
                    kw = "input_shape"
                val = self.val(tuple(shape[1:])) if kw == "input_shape" else self.val(shape[1])
                e0 = Src(e0[:-1] + (", " if not e0[:-1].endswith("(") else "") + f"{kw}={val})")
                exprs[0] = (e0, b0)
        lead = None
        if mode == "Input":
            batch = r.choice([1, 2, 4]) if r.random() < 0.1 else None
            lead = self.input_expr(shape, dtype="int32" if kind == "tokens" else None, batch=batch)
        elif mode == "InputLayer":
            lead = self.input_layer_expr(shape)
        seq = self.spell.api_name("Sequential")
        name_kw = f'name="{self.fresh_name("seq")}"' if r.random() < 0.2 else None
        style = r.choice(["list", "list", "add"])
        if style == "list":
            self.emit(f"{var} = {seq}([")
            if lead:
                self.emit(f"    {lead},")
            for e, bad in exprs:
                self.emit(f"    {e},", bad)
            self.emit("]" + (f", {name_kw})" if name_kw else ")"))
        else:
            self.emit(f"{var} = {seq}({name_kw or ''})")
            if lead:
                self.emit(f"{var}.add({lead})")
            for e, bad in exprs:
                self.emit(f"{var}.add({e})", bad)
        if mode == "build":
            b = r.choice(["None", "None", "2"])
            dims = ", ".join("None" if d is None else str(d) for d in shape[1:])
            self.emit(f"{var}.build(({b}, {dims}))" if len(shape) > 1 else f"{var}.build(({b},))")
        return s

    def functional(self):
        r = self.rng
        self.functional_mode = True
        ninputs = 1 if r.random() < 0.75 else r.randint(2, 3)
        inputs = []
        tensors = []  # (var, shape)
        for i in range(ninputs):
            shape, kind = self.random_input_shape()
            v = self.var("inp")
            batch = r.choice([2, 4]) if r.random() < 0.05 and ninputs == 1 else None
            self.emit(f"{v} = {self.input_expr(shape, dtype='int32' if kind == 'tokens' else None, batch=batch)}")
            if batch is not None:
                shape = (batch,) + shape[1:]
            inputs.append(v)
            if kind == "tokens":
                e, s = self.start_tokens(shape)
                x = self.var()
                self.emit(f"{x} = {e}({v})")
                tensors.append((x, s))
                self.layer_budget -= 1
            else:
                tensors.append((v, shape))
        # several inputs: process each a little, then merge into one tensor
        if len(tensors) > 1:
            reduced = []
            for v, s in tensors:
                steps = r.randint(0, 2)
                for _ in range(steps):
                    v, s = self.chain_step(v, s)
                v, s = self.to_rank2(v, s)
                reduced.append((v, s))
            x, s = self.merge_known(reduced)
        else:
            x, s = tensors[0]
        outputs = []
        extra_out = None
        while self.layer_budget > 0:
            op = r.random()
            if self.inject and self.bad_body_line is None and r.random() < 0.25:
                e, self.bad_kind = self.bad_layer(s)
                y = self.var()
                self.emit(f"{y} = {self.apply(e, x)}", bad=True)
                x = y
                break
            if op < 0.6:
                x, s = self.chain_step(x, s)
            elif op < 0.75:
                x, s = self.branch_merge(x, s)
            elif op < 0.83:
                x, s = self.shared_layer(x, s)
            elif op < 0.90:
                x, s = self.nested_model(x, s)
            elif op < 0.95:
                x, s = self.multi_output_step(x, s)
            else:
                if extra_out is None and s[-1] is not None and len(s) >= 2:
                    extra_out = self.var("aux")
                    e, _ = self.l_dense(s)
                    self.emit(f"{extra_out} = {e}({x})")
                    self.layer_budget -= 1
                else:
                    x, s = self.chain_step(x, s)
        if self.inject and self.bad_body_line is None:
            e, self.bad_kind = self.bad_layer(s)
            y = self.var()
            self.emit(f"{y} = {self.apply(e, x)}", bad=True)
            x = y
        outputs = [x] + ([extra_out] if extra_out else [])
        Model = self.spell.api_name("Model")
        ins = inputs[0] if len(inputs) == 1 and r.random() < 0.7 else "[" + ", ".join(inputs) + "]"
        if len(outputs) == 1:
            outs = outputs[0] if r.random() < 0.8 else "[" + outputs[0] + "]"
        elif r.random() < 0.15:
            outs = "{" + ", ".join(f'"o{i}": {o}' for i, o in enumerate(outputs)) + "}"
        else:
            outs = "[" + ", ".join(outputs) + "]"
        name_kw = f', name="{self.fresh_name("net")}"' if r.random() < 0.3 else ""
        if r.random() < 0.5:
            self.emit(f"model = {Model}(inputs={ins}, outputs={outs}{name_kw})")
        else:
            self.emit(f"model = {Model}({ins}, {outs}{name_kw})")

    @staticmethod
    def apply(e, x):
        return e.replace("%X%", x) if "%X%" in e else f"{e}({x})"

    def chain_step(self, x, s):
        e, out = self.pick_layer(s, allow_multi=True)
        self.layer_budget -= 1
        y = self.var()
        if isinstance(out, list):
            # multi-output layer: unpack or index
            if self.chance(0.5):
                names = [self.var("o") for _ in out]
                self.emit(f"{', '.join(names)} = {e}({x})")
                return names[0], out[0]
            self.emit(f"{y} = {e}({x})[0]")
            return y, out[0]
        self.emit(f"{y} = {e}({x})")
        return y, out

    def to_rank2(self, v, s):
        if len(s) == 2:
            return v, s  # a None width is fine for the Concatenate that follows
        y = self.var()
        if len(s) >= 3 and len(s) <= 5:
            rank = len(s) - 2
            df = self.df if len(s) in (4, 5) and self.df == "channels_first" else "channels_last"
            cls = self.rng.choice(["GlobalAveragePooling", "GlobalMaxPooling"]) + f"{rank}D"
            args = [("data_format", df)] if df == "channels_first" else []
            self.emit(f"{y} = {self.call(cls, args)}({v})")
            return y, (s[0], s[self.chan_axis(s, df)])
        e, out = self.l_dense(s) if s[-1] is not None else (None, None)
        if e is None:
            raise RuntimeError("cannot reduce")
        self.emit(f"{y} = {e}({v})")
        return y, out

    def merge_known(self, items):
        """Merge rank-2 tensors of (maybe) different widths: Concatenate, or project + Add."""
        r = self.rng
        y = self.var()
        vars_ = "[" + ", ".join(v for v, _ in items) + "]"
        if r.random() < 0.5 or any(s[-1] is None for _, s in items):
            self.emit(f"{y} = {self.call('Concatenate', [])}({vars_})")
            tot = None if any(s[-1] is None for _, s in items) else sum(s[-1] for _, s in items)
            return y, (items[0][1][0], tot)
        u = r.randint(2, 16)
        projected = []
        for v, s in items:
            p = self.var()
            self.emit(f"{p} = {self.call('Dense', [('units', u)])}({v})")
            projected.append(p)
        cls = r.choice(["Add", "Average", "Maximum", "Minimum", "Multiply"])
        self.emit(f"{y} = {self.call(cls, [])}([{', '.join(projected)}])")
        return y, (items[0][1][0], u)

    def branch_merge(self, x, s):
        """Two or three branches from x, merged."""
        r = self.rng
        kind = r.choice(["add", "add", "concat", "concat", "dot", "broadcast", "ops"])
        if kind == "ops":
            # raw operators on KerasTensors become op rows (add (Add), multiply (Multiply), ...)
            a, _ = self.branch_same(x, s)
            y = self.var()
            op = r.choice(["+", "-", "*"])
            if r.random() < 0.3:
                self.emit(f"{y} = {a} {op} {r.choice(['2.0', '0.5'])}")
            else:
                self.emit(f"{y} = {x} {op} {a}")
            self.layer_budget -= 1
            return y, s
        if kind == "dot":
            if len(s) not in (2, 3) or any(n is None for n in s[1:]):
                return self.chain_step(x, s)
            a, sa = self.branch_same(x, s)
            b, sb = self.branch_same(x, s)
            y = self.var()
            if len(s) == 2:
                axes = r.choice([1, -1])
                out = (s[0], 1)
            else:
                axes = r.choice([1, 2, -1, (1, 1), (2, 2)])
                a_ax = axes if isinstance(axes, int) else axes[0]
                a_ax = a_ax % 3
                other = 2 if a_ax == 1 else 1
                out = (s[0], s[other], s[other])
            args = [("axes", axes)]
            if r.random() < 0.3:
                args.append(("normalize", True))
            self.emit(f"{y} = {self.call('Dot', args)}([{a}, {b}])")
            self.layer_budget -= 1
            return y, out
        if kind == "concat":
            n = r.randint(2, 3)
            if s[-1] is not None and r.random() < 0.5 and len(s) >= 2:
                # differing last dims through Dense, concat on -1
                parts = []
                tot = 0
                for _ in range(n):
                    e, o = self.l_dense(s)
                    v = self.var()
                    self.emit(f"{v} = {e}({x})")
                    parts.append(v)
                    tot += o[-1]
                    self.layer_budget -= 1
                y = self.var()
                args = [("axis", -1)] if r.random() < 0.3 else []
                self.emit(f"{y} = {self.call('Concatenate', args)}([{', '.join(parts)}])")
                return y, s[:-1] + (tot,)
            parts = [x]
            for _ in range(n - 1):
                v, _ = self.branch_same(x, s)
                parts.append(v)
            ax = r.randrange(1, len(s))
            if s[ax] is None:
                ax = len(s) - 1
            spelled = ax if r.random() < 0.5 else ax - len(s)
            out = list(s)
            out[ax] = None if s[ax] is None else s[ax] * n
            y = self.var()
            helper = r.random() < 0.2
            if helper and self.spell.style in ("keras", "layers", "alias"):
                fn = {"keras": "keras.layers.concatenate", "layers": "layers.concatenate", "alias": "L.concatenate"}[self.spell.style]
                self.emit(f"{y} = {fn}([{', '.join(parts)}], axis={spelled})")
            else:
                self.emit(f"{y} = {self.call('Concatenate', [('axis', spelled)])}([{', '.join(parts)}])")
            self.layer_budget -= 1
            return y, tuple(out)
        cls = r.choice(["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"])
        if kind == "broadcast" and len(s) >= 3 and s[-1] is not None:
            # (B, ..., C) with (B, C) from a global pooling, or (B, ..., 1) from Dense(1)
            v = self.var()
            if r.random() < 0.5 and len(s) <= 5:
                rank = len(s) - 2
                self.emit(f"{v} = {self.call('GlobalAveragePooling' + str(rank) + 'D', [])}({x})")
            else:
                self.emit(f"{v} = {self.call('Dense', [('units', 1)])}({x})")
            y = self.var()
            order = [x, v] if r.random() < 0.5 else [v, x]
            self.emit(f"{y} = {self.call(cls, [])}([{', '.join(order)}])")
            self.layer_budget -= 1
            return y, s
        n = 2 if cls == "Subtract" else r.randint(2, 3)
        parts = [x]
        for _ in range(n - 1):
            v, _ = self.branch_same(x, s)
            parts.append(v)
        r.shuffle(parts)
        y = self.var()
        self.emit(f"{y} = {self.call(cls, [])}([{', '.join(parts)}])")
        self.layer_budget -= 1
        return y, s

    def branch_same(self, x, s):
        """A branch from x that keeps its shape (0-2 shape-preserving layers)."""
        r = self.rng
        v = x
        for _ in range(r.randint(1, 2)):
            fam = r.choice(["activation", "dropout", "norm", "dense_same", "conv_same"])
            try:
                if fam == "dense_same":
                    if s[-1] is None:
                        raise Fail
                    e = self.call("Dense", [("units", s[-1])] + ([("activation", "relu")] if r.random() < 0.5 else []))
                elif fam == "conv_same":
                    if len(s) not in (3, 4) or any(n is None for n in s[1:]):
                        raise Fail
                    rank = len(s) - 2
                    df = self.df if rank == 2 else "channels_last"
                    args = [("filters", s[self.chan_axis(s, df)]), ("kernel_size", r.choice([1, 3])), ("padding", "same")]
                    if df == "channels_first":
                        args.append(("data_format", df))
                    e = self.call(f"Conv{rank}D", args)
                else:
                    e, o = getattr(self, "l_" + fam)(s)
                    if o != s:
                        raise Fail
            except Fail:
                e = self.call("Activation", [("activation", "relu")])
            y = self.var()
            self.emit(f"{y} = {e}({v})")
            v = y
            self.layer_budget -= 1
        return v, s

    def shared_layer(self, x, s):
        """A layer object called twice: on x and on a second tensor (same or pooled shape)."""
        r = self.rng
        if s[-1] is None:
            return self.chain_step(x, s)
        u = r.randint(1, 16)
        name = self.var("shared")
        self.emit(f"{name} = {self.call('Dense', [('units', u)])}")
        a = self.var()
        self.emit(f"{a} = {name}({x})")
        if len(s) == 3 and r.random() < 0.5:
            p = self.var()
            self.emit(f"{p} = {self.call('GlobalMaxPooling1D', [])}({x})")
            b = self.var()
            self.emit(f"{b} = {name}({p})")
            y = self.var()
            self.emit(f"{y} = {self.call('Add', [])}([{a}, {b}])")
            self.layer_budget -= 2
            return y, s[:-1] + (u,)
        v, _ = self.branch_same(x, s)
        b = self.var()
        self.emit(f"{b} = {name}({v})")
        y = self.var()
        cls = r.choice(["Add", "Concatenate", "Multiply"])
        self.emit(f"{y} = {self.call(cls, [])}([{a}, {b}])")
        self.layer_budget -= 2
        out = s[:-1] + ((2 * u) if cls == "Concatenate" else u,)
        return y, out

    def nested_model(self, x, s):
        """A Sequential or functional sub-model, defined at module level, called on x."""
        r = self.rng
        name = self.var("block")
        saved_inject = self.inject
        self.inject = False
        if r.random() < 0.6:
            out = self.sequential(var=name, allow_error=False, input_shape=s, nested=True)
        else:
            iv = self.var("sub_in")
            self.emit(f"{iv} = {self.input_expr(s)}")
            v, o = iv, s
            for _ in range(r.randint(1, 3)):
                e, o2 = self.pick_layer(o)
                y = self.var()
                self.emit(f"{y} = {e}({v})")
                v, o = y, o2
            Model = self.spell.api_name("Model")
            nm = f', name="{self.fresh_name("sub")}"' if r.random() < 0.5 else ""
            self.emit(f"{name} = {Model}({iv}, {v}{nm})")
            out = o
        self.inject = saved_inject
        if r.random() < 0.2:
            self.emit(f"{name}.trainable = False")
        if isinstance(out, list):
            out = out[0]
            y = self.var()
            self.emit(f"{y} = {name}({x})[0]")
        else:
            y = self.var()
            self.emit(f"{y} = {name}({x})")
        self.layer_budget -= 1
        if s[0] is not None and out[0] is None:
            out = (s[0],) + tuple(out[1:])
        return y, out

    def multi_output_step(self, x, s):
        """An RNN with return_state / Bidirectional(merge_mode=None): use one output and maybe merge states."""
        if len(s) != 3 or s[-1] is None:
            return self.chain_step(x, s)
        for _ in range(10):
            e, out = self.l_recurrent(s, allow_multi=True)
            if isinstance(out, list):
                break
        else:
            return self.chain_step(x, s)
        names = [self.var("o") for _ in out]
        self.emit(f"{', '.join(names)} = {e}({x})")
        self.layer_budget -= 1
        return names[0], out[0]

    # ---------------- whole file ----------------

    def build(self):
        r = self.rng
        if r.random() < 0.45:
            self.sequential()
            style = "sequential"
        else:
            self.functional()
            style = "functional"
        header = self.spell.header()
        pre = header + ([""] + self.consts if self.consts else []) + [""]
        lines = pre + self.body
        bad_line = None
        if self.bad_body_line is not None:
            bad_line = len(pre) + self.bad_body_line + 1
        src = f"# keras-diff seed={self.seed} index={self.index}\n" + "\n".join(lines) + "\n"
        if bad_line is not None:
            bad_line += 1
        return Case(self.seed, self.index, src, bad_line, self.bad_kind, f"{style}/{self.spell.style}/{self.df}")


def generate(seed, index, exclude=()):
    g = Gen(seed, index)
    g.exclude = tuple(exclude)
    return g.build()


if __name__ == "__main__":
    import sys

    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for i in range(count):
        c = generate(seed, i)
        print(f"# ---- case {i} style={c.style} bad_line={c.bad_line} kind={c.bad_kind}")
        print(c.source)
