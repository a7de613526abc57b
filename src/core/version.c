/* version: the one file compiled with GS_VERSION (set by CMakeLists.txt). */
#include "version.h"

const char *version_string(void) { return GS_VERSION; }
