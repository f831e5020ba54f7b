//! The BERT encoder of all-MiniLM-L6-v2, as layers of candle: every multiplication and
//! normalisation is candle's, this file only says how the model's layers are wired (the one
//! activation is ours, for speed: see `gelu.rs`). Names of the weights are those of the model's
//! safetensors file.

use super::gelu::gelu;
use candle_core::{DType, Module, Result, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear, VarBuilder, embedding, layer_norm, linear};

/// The shape of the shipped model (its `config.json`).
pub const VOCABULARY: usize = 30_522;
pub const HIDDEN: usize = 384;
const HEADS: usize = 12;
const LAYERS: usize = 6;
const INTERMEDIATE: usize = 1536;
const POSITIONS: usize = 512;
const TYPES: usize = 2;
const LAYER_NORM_EPS: f64 = 1e-12;

/// The one table kept in the file's float16: the word embeddings (see [`Encoder::load`]).
pub const KEPT_HALF: &str = "embeddings.word_embeddings.weight";

/// The longest input the model takes, in pieces with [CLS] and [SEP].
pub const MAX_PIECES: usize = POSITIONS;

pub struct Encoder {
    words: Embedding,
    positions: Embedding,
    types: Embedding,
    norm: LayerNorm,
    layers: Vec<Layer>,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    out: Linear,
    out_norm: LayerNorm,
}

impl Encoder {
    pub fn load(vb: VarBuilder) -> Result<Encoder> {
        let e = vb.pp("embeddings");
        let layers = (0..LAYERS)
            .map(|k| Layer::load(vb.pp(format!("encoder.layer.{k}"))))
            .collect::<Result<Vec<_>>>()?;
        Ok(Encoder {
            // Half the model's weights are this table, of which a comparison reads a few hundred
            // rows: it stays in the file's float16, and only the rows read are widened.
            words: embedding(
                VOCABULARY,
                HIDDEN,
                e.to_dtype(DType::F16).pp("word_embeddings"),
            )?,
            positions: embedding(POSITIONS, HIDDEN, e.pp("position_embeddings"))?,
            types: embedding(TYPES, HIDDEN, e.pp("token_type_embeddings"))?,
            norm: layer_norm(HIDDEN, LAYER_NORM_EPS, e.pp("LayerNorm"))?,
            layers,
        })
    }

    /// Mean-pooled output of a batch: `ids` and `mask` are [batch, pieces] (u32 ids; mask 1
    /// for a piece, 0 for padding); the result is [batch, HIDDEN].
    pub fn pooled(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (_, len) = ids.dims2()?;
        let device = ids.device();
        let positions = Tensor::arange(0u32, len as u32, device)?.unsqueeze(0)?;
        let x = self
            .words
            .forward(ids)?
            .to_dtype(DType::F32)?
            .broadcast_add(&self.positions.forward(&positions)?)?
            .broadcast_add(&self.types.forward(&ids.zeros_like()?)?)?;
        let mut x = self.norm.forward(&x)?;
        let mask = mask.to_dtype(DType::F32)?;
        // Padding gets a large negative score before the softmax, so no piece attends to it.
        let bias = ((mask.ones_like()? - &mask)? * -10_000.0)?
            .unsqueeze(1)?
            .unsqueeze(1)?;
        for layer in &self.layers {
            x = layer.forward(&x, &bias)?;
        }
        let weights = mask.unsqueeze(2)?;
        let sum = x.broadcast_mul(&weights)?.sum(1)?;
        let count = weights.sum(1)?.clamp(1.0, f64::MAX)?;
        sum.broadcast_div(&count)
    }
}

impl Layer {
    fn load(vb: VarBuilder) -> Result<Layer> {
        let a = vb.pp("attention");
        Ok(Layer {
            query: linear(HIDDEN, HIDDEN, a.pp("self.query"))?,
            key: linear(HIDDEN, HIDDEN, a.pp("self.key"))?,
            value: linear(HIDDEN, HIDDEN, a.pp("self.value"))?,
            attention_out: linear(HIDDEN, HIDDEN, a.pp("output.dense"))?,
            attention_norm: layer_norm(HIDDEN, LAYER_NORM_EPS, a.pp("output.LayerNorm"))?,
            intermediate: linear(HIDDEN, INTERMEDIATE, vb.pp("intermediate.dense"))?,
            out: linear(INTERMEDIATE, HIDDEN, vb.pp("output.dense"))?,
            out_norm: layer_norm(HIDDEN, LAYER_NORM_EPS, vb.pp("output.LayerNorm"))?,
        })
    }

    /// One transformer layer: self-attention, then the feed-forward block, each with its
    /// residual connection and layer norm. `bias` is [batch, 1, 1, pieces].
    fn forward(&self, x: &Tensor, bias: &Tensor) -> Result<Tensor> {
        let (batch, len, _) = x.dims3()?;
        let head = HIDDEN / HEADS;
        let split = |t: Tensor| -> Result<Tensor> {
            t.reshape((batch, len, HEADS, head))?
                .transpose(1, 2)?
                .contiguous()
        };
        let q = split(self.query.forward(x)?)?;
        let k = split(self.key.forward(x)?)?;
        let v = split(self.value.forward(x)?)?;
        let scores = (q.matmul(&k.t()?)? / (head as f64).sqrt())?.broadcast_add(bias)?;
        let attention = candle_nn::ops::softmax_last_dim(&scores)?;
        let context = attention
            .matmul(&v)?
            .transpose(1, 2)?
            .reshape((batch, len, HIDDEN))?;
        let x = self
            .attention_norm
            .forward(&(self.attention_out.forward(&context)? + x)?)?;
        let inner = gelu(&self.intermediate.forward(&x)?)?;
        self.out_norm.forward(&(self.out.forward(&inner)? + x)?)
    }
}
