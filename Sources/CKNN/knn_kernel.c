// The kNN scan's inner loop: int8 codes, 16 rows at a time. Clang vector types keep the 16
// rows of a block in the vector lanes (no horizontal sums, no gathers). See include/knn_kernel.h.
#include "knn_kernel.h"
#include <string.h>

typedef int8_t  i8x16  __attribute__((ext_vector_type(16)));
typedef int32_t i32x16 __attribute__((ext_vector_type(16)));
typedef float   f32x16 __attribute__((ext_vector_type(16)));

__attribute__((target_clones("avx2", "default")))
void samplemind_knn_int8_distances(const int8_t *blocks, size_t blockCount, size_t dims,
                                   const int8_t *query, const int32_t *starts, const int32_t *ends,
                                   const float *coefficients, size_t aspects, float *out) {
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
