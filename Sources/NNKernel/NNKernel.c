#include "NNKernel.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

enum { MR = NN_KERNEL_MR, NR = NN_KERNEL_NR };

bool nn_kernel_has_avx2_fma(void) {
#if defined(__x86_64__)
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return cached;
#else
    return false;
#endif
}

void nn_kernel_pack_a(long mc, long kc, const double *a, long rowStride, long columnStride, double *packed) {
    for (long ir = 0; ir < mc; ir += MR) {
        long rows = mc - ir < MR ? mc - ir : MR;
        for (long p = 0; p < kc; p++) {
            for (long r = 0; r < MR; r++) {
                *packed++ = r < rows ? a[(ir + r) * rowStride + p * columnStride] : 0.0;
            }
        }
    }
}

void nn_kernel_pack_b(long kc, long nc, const double *b, long rowStride, long columnStride, double *packed) {
    for (long jr = 0; jr < nc; jr += NR) {
        long columns = nc - jr < NR ? nc - jr : NR;
        for (long p = 0; p < kc; p++) {
            const double *row = b + p * rowStride + jr * columnStride;
            if (columns == NR && columnStride == 1) {
                for (long c = 0; c < NR; c++) packed[c] = row[c];
            } else {
                for (long c = 0; c < NR; c++) packed[c] = c < columns ? row[c * columnStride] : 0.0;
            }
            packed += NR;
        }
    }
}

/// Adds the MR × NR tile t to C, clipped to rows × columns.
static void add_tile(const double *t, double *c, long ldc, long rows, long columns) {
    for (long r = 0; r < rows; r++) {
        for (long j = 0; j < columns; j++) c[r * ldc + j] += t[r * NR + j];
    }
}

typedef double v2d __attribute__((vector_size(16)));

/// The portable micro-kernel: 128-bit vectors (SSE2 on x86-64, NEON on arm64,
/// where the compiler contracts a * b + c into a fused multiply-add), the tile
/// computed as two MR × 4 halves so the accumulators fit in registers.
static void tile_portable(long kc, const double *a, const double *b, double *c, long ldc, long rows, long columns) {
    double t[MR * NR];
    for (int half = 0; half < 2; half++) {
        v2d acc[MR][2];
        for (int r = 0; r < MR; r++) acc[r][0] = acc[r][1] = (v2d){0, 0};
        const double *pa = a;
        const double *pb = b + 4 * half;
        for (long p = 0; p < kc; p++) {
            v2d b0, b1;
            __builtin_memcpy(&b0, pb, sizeof b0);
            __builtin_memcpy(&b1, pb + 2, sizeof b1);
            for (int r = 0; r < MR; r++) {
                v2d ar = {pa[r], pa[r]};
                acc[r][0] += ar * b0;
                acc[r][1] += ar * b1;
            }
            pa += MR;
            pb += NR;
        }
        for (int r = 0; r < MR; r++) {
            __builtin_memcpy(t + r * NR + 4 * half, &acc[r][0], sizeof acc[r][0]);
            __builtin_memcpy(t + r * NR + 4 * half + 2, &acc[r][1], sizeof acc[r][1]);
        }
    }
    add_tile(t, c, ldc, rows, columns);
}

#if defined(__x86_64__)
/// The AVX2 + FMA micro-kernel: twelve 256-bit accumulators hold the 6 × 8 tile;
/// each step broadcasts one element of A and issues two fused multiply-adds per row.
__attribute__((target("avx2,fma")))
static void tile_avx2_fma(long kc, const double *a, const double *b, double *c, long ldc, long rows, long columns) {
    __m256d c00 = _mm256_setzero_pd(), c01 = _mm256_setzero_pd();
    __m256d c10 = _mm256_setzero_pd(), c11 = _mm256_setzero_pd();
    __m256d c20 = _mm256_setzero_pd(), c21 = _mm256_setzero_pd();
    __m256d c30 = _mm256_setzero_pd(), c31 = _mm256_setzero_pd();
    __m256d c40 = _mm256_setzero_pd(), c41 = _mm256_setzero_pd();
    __m256d c50 = _mm256_setzero_pd(), c51 = _mm256_setzero_pd();
    for (long p = 0; p < kc; p++) {
        __m256d b0 = _mm256_loadu_pd(b);
        __m256d b1 = _mm256_loadu_pd(b + 4);
        __m256d x;
        x = _mm256_broadcast_sd(a + 0); c00 = _mm256_fmadd_pd(x, b0, c00); c01 = _mm256_fmadd_pd(x, b1, c01);
        x = _mm256_broadcast_sd(a + 1); c10 = _mm256_fmadd_pd(x, b0, c10); c11 = _mm256_fmadd_pd(x, b1, c11);
        x = _mm256_broadcast_sd(a + 2); c20 = _mm256_fmadd_pd(x, b0, c20); c21 = _mm256_fmadd_pd(x, b1, c21);
        x = _mm256_broadcast_sd(a + 3); c30 = _mm256_fmadd_pd(x, b0, c30); c31 = _mm256_fmadd_pd(x, b1, c31);
        x = _mm256_broadcast_sd(a + 4); c40 = _mm256_fmadd_pd(x, b0, c40); c41 = _mm256_fmadd_pd(x, b1, c41);
        x = _mm256_broadcast_sd(a + 5); c50 = _mm256_fmadd_pd(x, b0, c50); c51 = _mm256_fmadd_pd(x, b1, c51);
        a += MR;
        b += NR;
    }
    if (rows == MR && columns == NR) {
        __m256d acc[MR][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
        for (int r = 0; r < MR; r++) {
            double *row = c + r * ldc;
            _mm256_storeu_pd(row, _mm256_add_pd(_mm256_loadu_pd(row), acc[r][0]));
            _mm256_storeu_pd(row + 4, _mm256_add_pd(_mm256_loadu_pd(row + 4), acc[r][1]));
        }
        return;
    }
    double t[MR * NR];
    _mm256_storeu_pd(t + 0, c00); _mm256_storeu_pd(t + 4, c01);
    _mm256_storeu_pd(t + 8, c10); _mm256_storeu_pd(t + 12, c11);
    _mm256_storeu_pd(t + 16, c20); _mm256_storeu_pd(t + 20, c21);
    _mm256_storeu_pd(t + 24, c30); _mm256_storeu_pd(t + 28, c31);
    _mm256_storeu_pd(t + 32, c40); _mm256_storeu_pd(t + 36, c41);
    _mm256_storeu_pd(t + 40, c50); _mm256_storeu_pd(t + 44, c51);
    add_tile(t, c, ldc, rows, columns);
}
#endif

void nn_kernel_block(
    bool avx2FMA, long mc, long nc, long kc, const double *packedA, const double *packedB, double *c, long ldc) {
    for (long jr = 0; jr < nc; jr += NR) {
        long columns = nc - jr < NR ? nc - jr : NR;
        const double *pb = packedB + jr * kc;
        for (long ir = 0; ir < mc; ir += MR) {
            long rows = mc - ir < MR ? mc - ir : MR;
            const double *pa = packedA + ir * kc;
            double *tile = c + ir * ldc + jr;
#if defined(__x86_64__)
            if (avx2FMA) {
                tile_avx2_fma(kc, pa, pb, tile, ldc, rows, columns);
                continue;
            }
#endif
            tile_portable(kc, pa, pb, tile, ldc, rows, columns);
        }
    }
}
