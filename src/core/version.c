/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* version: the one file compiled with GS_VERSION (set by CMakeLists.txt). */
#include "version.h"

#include "lang.h"

const char *version_string(void) { return GS_VERSION; }

void version_print(FILE *f)
{
    /* the copyright line is the same in every language, as in GNU's programs */
    fprintf(f, "gradscape %s\n"
               "Copyright (C) 2026 The gradscape authors.\n",
            GS_VERSION);
    /* GNU's words (gnulib's version_etc), so that a language's catalog can say
     * them as that language's GNU programs do */
    fprintf(f, _("License GPLv3+: GNU GPL version 3 or later <%s>.\n"
                 "This is free software: you are free to change and redistribute it.\n"
                 "There is NO WARRANTY, to the extent permitted by law.\n"),
            "https://gnu.org/licenses/gpl.html");
}
