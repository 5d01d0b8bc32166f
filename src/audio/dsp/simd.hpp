#pragma once
// Small fixed-width vectors through the GCC/Clang vector extensions: SSE on x86-64, NEON on
// arm64, plain code elsewhere. Element-wise arithmetic is exactly the scalar arithmetic lane
// by lane, so a loop rewritten on these gives bit-identical results; they are used where
// several independent signals (filters of different voices, a reverb's lines) step together.
#include <cstdint>
#include <cstring>

namespace seiche::audio::dsp::simd {

using Float4 = float __attribute__((vector_size(16)));
using Double2 = double __attribute__((vector_size(16)));
using Int4 = std::int32_t __attribute__((vector_size(16)));
// Aligned to 16 bytes, as the baseline compilation lays it out, stated so that code compiled
// for AVX (kernel.hpp) does not assume 32 in the same objects.
using Double4 = double __attribute__((vector_size(32), aligned(16)));

inline Float4 splat(float x) { return Float4{x, x, x, x}; }

inline Float4 load4(const float* p) {
    Float4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

inline void store4(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }

inline Double2 load2(const double* p) {
    Double2 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

inline void store2(double* p, Double2 v) { std::memcpy(p, &v, sizeof v); }

// flushDenormal (dsp_math.hpp) on each lane: |x| < 1e-20 becomes +0, anything else (NaN
// included) passes.
inline Float4 flushDenormals(Float4 v) {
    const Int4 bits = reinterpret_cast<Int4>(v);
    const Int4 tiny = reinterpret_cast<Float4>(bits & 0x7fffffff) < 1e-20f;
    return reinterpret_cast<Float4>(bits & ~tiny);
}

// Rows become columns: on return v[r][c] holds what v[c][r] held.
inline void transpose(Float4& a, Float4& b, Float4& c, Float4& d) {
    const Float4 ab0 = __builtin_shufflevector(a, b, 0, 4, 1, 5);
    const Float4 ab1 = __builtin_shufflevector(a, b, 2, 6, 3, 7);
    const Float4 cd0 = __builtin_shufflevector(c, d, 0, 4, 1, 5);
    const Float4 cd1 = __builtin_shufflevector(c, d, 2, 6, 3, 7);
    a = __builtin_shufflevector(ab0, cd0, 0, 1, 4, 5);
    b = __builtin_shufflevector(ab0, cd0, 2, 3, 6, 7);
    c = __builtin_shufflevector(ab1, cd1, 0, 1, 4, 5);
    d = __builtin_shufflevector(ab1, cd1, 2, 3, 6, 7);
}

}  // namespace seiche::audio::dsp::simd
