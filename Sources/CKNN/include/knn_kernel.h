#ifndef SAMPLEMIND_KNN_KERNEL_H
#define SAMPLEMIND_KNN_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/// Rows per block of the transposed int8 code layout: block b holds, for each dimension d,
/// the codes of rows 16b … 16b+15 side by side at offset (b * dims + d) * 16.
#define SAMPLEMIND_KNN_BLOCK 16

/// Approximate aspect-weighted distances of every row in `blockCount` blocks of int8 codes
/// (layout above) to the int8 `query` (`dims` codes):
///   out[row] = Σ_a coefficients[a] · sqrt(Σ_{d ∈ [starts[a], ends[a])} (code[row][d] − query[d])²)
/// `out` holds blockCount · 16 floats (rows past the real count are computed and ignored).
void samplemind_knn_int8_distances(const int8_t *blocks, size_t blockCount, size_t dims,
                                   const int8_t *query, const int32_t *starts, const int32_t *ends,
                                   const float *coefficients, size_t aspects, float *out);

#endif
