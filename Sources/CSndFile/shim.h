#ifndef SAMPLEMIND_CSNDFILE_SHIM_H
#define SAMPLEMIND_CSNDFILE_SHIM_H
#include <sndfile.h>
#endif
