/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* version: the program's version, defined once by the build from the project's
 * version in CMakeLists.txt. */
#ifndef GS_VERSION_H
#define GS_VERSION_H

#include <stdio.h>

/* "0.2.0" */
const char *version_string(void);

/* What --version prints, as GNU's programs do: the version, the copyright, the
 * licence and that there is no warranty. */
void version_print(FILE *f);

#endif
