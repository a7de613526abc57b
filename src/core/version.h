/* version: the program's version, defined once by the build from the project's
 * version in CMakeLists.txt. */
#ifndef GS_VERSION_H
#define GS_VERSION_H

/* "0.1.0" */
const char *version_string(void);

#endif
