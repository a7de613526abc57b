/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* files: what the tests that write files ask of a directory. */
#ifndef GS_TEST_FILES_H
#define GS_TEST_FILES_H

#include <dirent.h>
#include <string.h>

/* The entries of a directory but "." and "..": the temporary files are hidden ones. */
static inline int files_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

#endif
