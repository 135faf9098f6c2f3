#ifndef SAMPLEMIND_CFFTW_SHIM_H
#define SAMPLEMIND_CFFTW_SHIM_H
#include <fftw3.h>
#endif
