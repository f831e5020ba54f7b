//! The model's activation, GELU: x·Φ(x) = x·(1 + erf(x/√2))/2, as a candle operation of our own.
//!
//! candle's `gelu_erf` calls a scalar libm `erf` for each value: about 9 ns a value, a sixth of
//! the deep tier's time at 8 KB (490 of 2,900 ms of both cores). Here erf is Abramowitz and
//! Stegun's formula 7.1.28 (Handbook of Mathematical Functions, 1964), a polynomial and a
//! division with no branch and no call, which the compiler vectorises; its error is at most
//! 3·10⁻⁷, far below what the model's float16 weights can tell apart. Everything else in the
//! model is candle's.

use candle_core::{CpuStorage, CustomOp1, Layout, Result, Shape, Tensor};

/// GELU of every value of a float32 tensor (made contiguous first if it is not: a linear map's
/// output always is, so that costs nothing).
pub fn gelu(x: &Tensor) -> Result<Tensor> {
    x.contiguous()?.apply_op1_no_bwd(&Gelu)
}

struct Gelu;

impl CustomOp1 for Gelu {
    fn name(&self) -> &'static str {
        "gelu (erf by Abramowitz-Stegun 7.1.28)"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let CpuStorage::F32(values) = storage else {
            candle_core::bail!("{} takes float32", self.name())
        };
        let Some((start, end)) = layout.contiguous_offsets() else {
            candle_core::bail!("{} takes a contiguous tensor", self.name())
        };
        let out = values[start..end].iter().map(|&x| gelu_of(x)).collect();
        Ok((CpuStorage::F32(out), layout.shape().clone()))
    }
}

/// x·Φ(x).
#[inline(always)]
fn gelu_of(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf(x) = 1 − 1/(1 + a₁x + … + a₆x⁶)¹⁶ for x ≥ 0, odd in x. Past x ≈ 20 the power is
/// infinite and erf is 1, as it is in float32.
#[inline(always)]
fn erf(x: f32) -> f32 {
    const A: [f32; 6] = [
        0.070_523_08,
        0.042_282_01,
        0.009_270_527,
        0.000_152_014_3,
        0.000_276_567_2,
        0.000_043_063_8,
    ];
    let a = x.abs();
    let p = 1.0 + a * (A[0] + a * (A[1] + a * (A[2] + a * (A[3] + a * (A[4] + a * A[5])))));
    let p2 = p * p;
    let p4 = p2 * p2;
    let p8 = p4 * p4;
    let y = 1.0 - 1.0 / (p8 * p8);
    y.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    #[test]
    fn it_agrees_with_candles_exact_gelu_everywhere_the_model_goes() {
        let xs: Vec<f32> = (-4000..=4000).map(|k| k as f32 / 200.0).collect();
        let t = Tensor::from_vec(xs.clone(), xs.len(), &Device::Cpu).unwrap();
        let ours: Vec<f32> = gelu(&t).unwrap().to_vec1().unwrap();
        let exact: Vec<f32> = t.gelu_erf().unwrap().to_vec1().unwrap();
        for ((x, a), b) in xs.iter().zip(&ours).zip(&exact) {
            assert!(
                (a - b).abs() <= 1e-6 * (1.0 + x.abs()),
                "gelu({x}) = {a}, exactly {b}"
            );
        }
    }

    #[test]
    fn a_transposed_tensor_is_taken_too() {
        let t = Tensor::from_vec(vec![-1f32, 0.0, 1.0, 2.0], (2, 2), &Device::Cpu).unwrap();
        let ours: Vec<Vec<f32>> = gelu(&t.t().unwrap()).unwrap().to_vec2().unwrap();
        let exact: Vec<Vec<f32>> = t.t().unwrap().gelu_erf().unwrap().to_vec2().unwrap();
        for (a, b) in ours.iter().flatten().zip(exact.iter().flatten()) {
            assert!((a - b).abs() < 1e-6, "{a} vs {b}");
        }
    }

    #[test]
    fn extreme_values_stay_finite_and_keep_their_limits() {
        assert_eq!(gelu_of(1e30), 1e30);
        assert_eq!(gelu_of(-1e30), 0.0);
        assert_eq!(gelu_of(0.0), 0.0);
        assert!(gelu_of(f32::NAN).is_nan());
    }
}
