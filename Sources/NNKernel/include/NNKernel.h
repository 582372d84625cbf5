#ifndef NNKERNEL_H
#define NNKERNEL_H

#include <stdbool.h>

/// The register block of the micro-kernels: a tile of C is NN_KERNEL_MR rows by NN_KERNEL_NR columns.
#define NN_KERNEL_MR 6
#define NN_KERNEL_NR 8

/// Whether this processor runs the AVX2 + FMA micro-kernel (x86-64 with both
/// features, read through cpuid once); always false on other architectures.
bool nn_kernel_has_avx2_fma(void);

/// Packs the mc × kc block of A whose element (i, p) is a[i * rowStride + p * columnStride]
/// into panels of NN_KERNEL_MR rows, each stored column by column; rows past mc are zero.
void nn_kernel_pack_a(long mc, long kc, const double *a, long rowStride, long columnStride, double *packed);

/// Packs the kc × nc block of B whose element (p, j) is b[p * rowStride + j * columnStride]
/// into panels of NN_KERNEL_NR columns, each stored row by row; columns past nc are zero.
void nn_kernel_pack_b(long kc, long nc, const double *b, long rowStride, long columnStride, double *packed);

/// C += A B for a packed mc × kc block of A and a packed kc × nc block of B;
/// C is row-major with leading dimension ldc. Uses the AVX2 + FMA micro-kernel
/// when `avx2FMA` is true (only valid where nn_kernel_has_avx2_fma() is true),
/// the portable one otherwise.
void nn_kernel_block(
    bool avx2FMA, long mc, long nc, long kc, const double *packedA, const double *packedB, double *c, long ldc);

#endif
