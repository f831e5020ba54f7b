//! The shipped vector table and its vocabulary, embedded in the binary.

use std::sync::OnceLock;

use super::wordpiece::Vocabulary;

/// Dimensions of a vector.
pub const DIMS: usize = 256;

static VECTORS: &[u8] = include_bytes!("static-vectors.bin");
static VOCABULARY: &str = include_str!("vocab.txt");
static VOCABULARY_INDEX: &[u8] = include_bytes!("vocab-index.bin");
static VOCABULARY_PREFIXES: &[u8] = include_bytes!("vocab-prefixes.bin");

/// Header: b"PXSV", version, rows, dims (u32 little-endian each).
const HEADER: usize = 16;
/// A row: its f32 scale, then DIMS int8 values.
const ROW: usize = 4 + DIMS;

pub struct Table {
    pub vocabulary: Vocabulary,
    rows: usize,
    /// The processor's vector instructions, detected once: rows are added for every word piece.
    arch: pulp::Arch,
}

impl Table {
    /// The table shipped in the binary, read once.
    pub fn shipped() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| {
            let word =
                |k: usize| u32::from_le_bytes(VECTORS[k..k + 4].try_into().unwrap_or([0; 4]));
            assert!(
                &VECTORS[..4] == b"PXSV" && word(4) == 1 && word(12) as usize == DIMS,
                "static-vectors.bin has an unknown format"
            );
            let rows = word(8) as usize;
            assert_eq!(
                VECTORS.len(),
                HEADER + rows * ROW,
                "static-vectors.bin is truncated"
            );
            Table {
                vocabulary: Vocabulary::new(VOCABULARY, VOCABULARY_INDEX, VOCABULARY_PREFIXES),
                rows,
                arch: pulp::Arch::new(),
            }
        })
    }

    #[cfg(test)]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Adds `weight` times row `id` to `out`.
    pub fn add_row(&self, id: u32, weight: f32, out: &mut [f32; DIMS]) {
        let id = id as usize;
        if id >= self.rows {
            return;
        }
        let at = HEADER + id * ROW;
        let scale = f32::from_le_bytes(VECTORS[at..at + 4].try_into().unwrap_or([0; 4]));
        // The widest vectors the processor has (AVX2 on most x86-64): the same multiplications
        // and additions in the same order on every processor, so the same result, in about half
        // the instructions of the baseline SSE2 build.
        self.arch.dispatch(AddScaled {
            row: &VECTORS[at + 4..at + ROW],
            scale: weight * scale,
            out,
        });
    }
}

/// `out += scale * row`, one int8 row widened to f32.
struct AddScaled<'a> {
    row: &'a [u8],
    scale: f32,
    out: &'a mut [f32; DIMS],
}

impl pulp::WithSimd for AddScaled<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) {
        for (o, &q) in self.out.iter_mut().zip(self.row) {
            *o += self.scale * (q as i8) as f32;
        }
    }
}
