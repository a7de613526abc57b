/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* version: the one file compiled with GS_VERSION (set by CMakeLists.txt). */
#include "version.h"

#include "lang.h"

const char *version_string(void) { return GS_VERSION; }

void version_print(FILE *f)
{
    fprintf(f, "gradscape %s\n"
               "Copyright (C) 2026 The gradscape authors.\n",
            GS_VERSION);
    /* TRANSLATORS: --version's licence lines, as GNU's programs print them; keep the
     * address and "GPLv3+" */
    fputs(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
            "This is free software: you are free to change and redistribute it.\n"
            "There is NO WARRANTY, to the extent permitted by law.\n"),
          f);
}
