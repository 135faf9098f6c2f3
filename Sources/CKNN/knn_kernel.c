// The kNN scan's inner loop: int8 codes, 16 rows at a time. Clang vector types keep the 16
// rows of a block in the vector lanes (no horizontal sums, no gathers). See include/knn_kernel.h.
#include "knn_kernel.h"
#include <string.h>

typedef int8_t  i8x16  __attribute__((ext_vector_type(16)));
typedef int32_t i32x16 __attribute__((ext_vector_type(16)));
typedef float   f32x16 __attribute__((ext_vector_type(16)));

static inline __attribute__((always_inline))
void distances(const int8_t *blocks, size_t blockCount, size_t dims, const int8_t *query,
               const int32_t *starts, const int32_t *ends, const float *coefficients, size_t aspects, float *out) {
    for (size_t b = 0; b < blockCount; b++) {
        const int8_t *block = blocks + b * dims * SAMPLEMIND_KNN_BLOCK;
        f32x16 total = 0;
        for (size_t a = 0; a < aspects; a++) {
            i32x16 sum = 0;
            for (int32_t d = starts[a]; d < ends[a]; d++) {
                i8x16 codes;
                memcpy(&codes, block + (size_t)d * SAMPLEMIND_KNN_BLOCK, sizeof codes);
                const i32x16 diff = __builtin_convertvector(codes, i32x16) - (int32_t)query[d];
                sum += diff * diff;   // ≤ 254² per dimension: no overflow below 33,000 dimensions
            }
            total += coefficients[a] * __builtin_elementwise_sqrt(__builtin_convertvector(sum, f32x16));
        }
        memcpy(out + b * SAMPLEMIND_KNN_BLOCK, &total, sizeof total);
    }
}

// The same loop compiled twice. Chosen at the first call rather than by an ifunc: an ifunc
// resolver runs before sanitizer runtimes start, and ThreadSanitizer builds crashed in it.
__attribute__((target("avx2")))
static void distances_avx2(const int8_t *blocks, size_t blockCount, size_t dims, const int8_t *query,
                           const int32_t *starts, const int32_t *ends, const float *coefficients,
                           size_t aspects, float *out) {
    distances(blocks, blockCount, dims, query, starts, ends, coefficients, aspects, out);
}

static void distances_baseline(const int8_t *blocks, size_t blockCount, size_t dims, const int8_t *query,
                               const int32_t *starts, const int32_t *ends, const float *coefficients,
                               size_t aspects, float *out) {
    distances(blocks, blockCount, dims, query, starts, ends, coefficients, aspects, out);
}

void samplemind_knn_int8_distances(const int8_t *blocks, size_t blockCount, size_t dims,
                                   const int8_t *query, const int32_t *starts, const int32_t *ends,
                                   const float *coefficients, size_t aspects, float *out) {
    static int hasAVX2 = -1;   // every thread computes the same answer; atomics keep that race-free
    int known = __atomic_load_n(&hasAVX2, __ATOMIC_RELAXED);
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") ? 1 : 0;
        __atomic_store_n(&hasAVX2, known, __ATOMIC_RELAXED);
    }
    (known ? distances_avx2 : distances_baseline)(blocks, blockCount, dims, query, starts, ends, coefficients, aspects, out);
}
