/* The C floor: the least work any analyser must do per file.
 * Decode with libsndfile (4096-frame blocks), mix to mono, and run one
 * FFTW single-precision real STFT (n=2048, hop=512, Hann), summing the
 * magnitudes into a checksum so nothing is optimised away.
 *
 *   cc -O2 bench/floor.c -lsndfile -lfftw3f -lm -o floor
 *   ./floor LIST          (LIST: one path per line)
 *
 * Prints: files=N failed=M audio_seconds=X   (N counts every listed path)
 */
#include <fftw3.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 2048, HOP = 512, BLOCK = 4096, MAXCH = 64 };

static float buf[BLOCK * MAXCH]; /* interleaved decode block */

static float window[N];
static float *frame;          /* FFT input, N samples */
static fftwf_complex *spec;   /* FFT output, N/2+1 bins */
static fftwf_plan plan;

/* The last `filled` mono samples (at most N); a frame is analysed whenever
 * the buffer is full, then it slides forward by HOP. */
static float hist[N];
static int filled;
static double checksum;

static void push(float x) {
    hist[filled++] = x;
    if (filled < N) return;
    for (int i = 0; i < N; i++) frame[i] = hist[i] * window[i];
    fftwf_execute(plan);
    for (int k = 0; k <= N / 2; k++)
        checksum += sqrtf(spec[k][0] * spec[k][0] + spec[k][1] * spec[k][1]);
    memmove(hist, hist + HOP, (N - HOP) * sizeof *hist);
    filled = N - HOP;
}

/* Returns seconds of audio decoded, or -1 if the file could not be read. */
static double analyse(const char *path) {
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf) {
        fprintf(stderr, "floor: %s: %s\n", path, sf_strerror(NULL));
        return -1;
    }
    if (info.channels > MAXCH) {
        fprintf(stderr, "floor: %s: %d channels not supported\n", path, info.channels);
        sf_close(sf);
        return -1;
    }
    filled = 0;
    sf_count_t got, frames = 0;
    while ((got = sf_readf_float(sf, buf, BLOCK)) > 0) {
        for (sf_count_t f = 0; f < got; f++) {
            float sum = 0;
            for (int c = 0; c < info.channels; c++) sum += buf[f * info.channels + c];
            push(sum / info.channels);
        }
        frames += got;
    }
    int err = sf_error(sf);
    sf_close(sf);
    if (err) {
        fprintf(stderr, "floor: %s: %s\n", path, sf_error_number(err));
        return -1;
    }
    return info.samplerate > 0 ? (double)frames / info.samplerate : 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILELIST\n", argv[0]);
        return 2;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) {
        perror(argv[1]);
        return 2;
    }
    for (int i = 0; i < N; i++) window[i] = 0.5f - 0.5f * cosf(2 * (float)M_PI * i / N);
    frame = fftwf_alloc_real(N);
    spec = fftwf_alloc_complex(N / 2 + 1);
    plan = fftwf_plan_dft_r2c_1d(N, frame, spec, FFTW_ESTIMATE);

    char line[4096];
    long files = 0, failed = 0;
    double seconds = 0;
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!*line) continue;
        files++;
        double s = analyse(line);
        if (s < 0) failed++;
        else seconds += s;
    }
    fclose(list);
    fprintf(stderr, "floor: checksum=%.6g\n", checksum);
    printf("files=%ld failed=%ld audio_seconds=%.3f\n", files, failed, seconds);
    fftwf_destroy_plan(plan);
    fftwf_free(frame);
    fftwf_free(spec);
    return 0;
}
