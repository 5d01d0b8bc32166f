#pragma once
// SEICHE_DSP_KERNEL marks the functions that do the engine's sample-by-sample work. On
// x86-64 with GCC each such function is compiled twice, for the baseline (SSE2) and for
// x86-64-v3 (AVX2: vectors twice as wide), and the loader picks the one this processor runs
// (an ifunc, resolved once at start: nothing is decided per call). `flatten` pulls the
// helpers of the same file into each copy, so they are widened too instead of staying
// baseline calls.
//
// Both copies give the same bits: the build never contracts a * b + c into a fused
// multiply-add (-ffp-contract=off) and never reassociates, so a lane of a wider vector does
// exactly the scalar arithmetic. `SEICHE_BASELINE_ONLY` builds only the baseline copy; a
// test renders with such a build and compares the files byte for byte.
//
// The loader's choice (an ifunc) needs glibc; elsewhere only the baseline copy is built.
#if defined(__has_include)
#if __has_include(<features.h>)
#include <features.h>
#endif
#endif
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12 && defined(__GLIBC__) && \
    !defined(SEICHE_BASELINE_ONLY)
#define SEICHE_DSP_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default"), flatten))
#else
#define SEICHE_DSP_KERNEL
#endif
