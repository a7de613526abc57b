/* headless: everything the program does without a window: simulate a scene, write
 * its CSV and an offscreen-rendered PNG, and the rendering benchmark. Each returns
 * the process exit status. */
#ifndef GS_HEADLESS_H
#define GS_HEADLESS_H

#include "spec.h"

int headless_run(const Config *cfg);
int headless_bench(const Config *cfg);

#endif
