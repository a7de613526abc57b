/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The folder the window saves into: --out-dir wins (a relative one made absolute
 * from the working directory), else XDG_PICTURES_DIR from the environment, else
 * the one user-dirs.dirs names ("$HOME/..." or absolute, as xdg-user-dirs writes
 * it), else ~/Pictures; gradscape/ inside the pictures folder. Then the same read
 * from the real environment and a real user-dirs.dirs. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "outdir.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char got[4096], err[600];

/* outdir_choose's folder, or "ERROR: ..." */
static const char *choose(OutDirEnv e)
{
    if (outdir_choose(&e, got, sizeof got, err, sizeof err) != 0)
        snprintf(got, sizeof got, "ERROR: %s", err);
    return got;
}

static const char *user_dirs(const char *text, const char *home)
{
    if (outdir_user_dirs(text, home, got, sizeof got) != 0)
        snprintf(got, sizeof got, "NONE");
    return got;
}

/* What xdg-user-dirs-update writes, in a French session. */
static const char FRENCH[] = "# This file is written by xdg-user-dirs-update\n"
                             "# If you want to change or add directories, just edit the line you're\n"
                             "# interested in. All local changes will be retained on the next run.\n"
                             "# Format is XDG_xxx_DIR=\"$HOME/yyy\", where yyy is a shell-escaped\n"
                             "# homedir-relative path, or XDG_xxx_DIR=\"/yyy\", where /yyy is an\n"
                             "# absolute path. No other format is supported.\n"
                             "# \n"
                             "XDG_DESKTOP_DIR=\"$HOME/Bureau\"\n"
                             "XDG_DOWNLOAD_DIR=\"$HOME/T\xc3\xa9l\xc3\xa9\x63hargements\"\n"
                             "XDG_PICTURES_DIR=\"$HOME/Images\"\n"
                             "XDG_VIDEOS_DIR=\"$HOME/Vid\xc3\xa9os\"\n";

static void test_parse(void)
{
    CHECK_STR(user_dirs(FRENCH, "/home/marie"), "/home/marie/Images");
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"/srv/photos/\"\n", "/home/u"), "/srv/photos");
    /* no home needed for an absolute one */
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"/srv/photos\"", NULL), "/srv/photos");
    /* spaces around '=', shell escapes, the last line wins */
    CHECK_STR(user_dirs("  XDG_PICTURES_DIR = \"$HOME/My \\\"Pics\\\"\"\nXDG_PICTURES_DIR=\"$HOME/B\\$ilder\"\n",
                        "/home/u"),
              "/home/u/B$ilder");
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"$HOME/My \\\"Pics\\\"\"", "/home/u"), "/home/u/My \"Pics\"");
    /* "$HOME/" (xdg-user-dirs' "disabled") is the home itself */
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"$HOME/\"", "/home/u"), "/home/u");
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"$HOME\"", "/home/u"), "/home/u");
    /* what is not the format is ignored */
    CHECK_STR(user_dirs("# XDG_PICTURES_DIR=\"/commented\"\n", "/home/u"), "NONE");
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"relative/dir\"\n", "/home/u"), "NONE");
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"$HOMEWORK/x\"\n", "/home/u"), "NONE");
    CHECK_STR(user_dirs("XDG_PICTURES_DIRS=\"/x\"\nXDG_PICTURES_DIR /y\n", "/home/u"), "NONE");
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"$HOME/Images\"", NULL), "NONE");
    CHECK_STR(user_dirs("XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n", "/home/u"), "NONE");
    CHECK_STR(user_dirs("", "/home/u"), "NONE");
    /* a bad line does not undo a good one before it */
    CHECK_STR(user_dirs("XDG_PICTURES_DIR=\"/good\"\nXDG_PICTURES_DIR=\"bad\"\n", "/home/u"), "/good");
    /* where the file is */
    char path[256];
    CHECK(outdir_user_dirs_path("/cfg", "/home/u", path, sizeof path) == 0);
    CHECK_STR(path, "/cfg/user-dirs.dirs");
    CHECK(outdir_user_dirs_path(NULL, "/home/u", path, sizeof path) == 0);
    CHECK_STR(path, "/home/u/.config/user-dirs.dirs");
    CHECK(outdir_user_dirs_path("relative", "/home/u", path, sizeof path) == 0);
    CHECK_STR(path, "/home/u/.config/user-dirs.dirs");
    CHECK(outdir_user_dirs_path(NULL, NULL, path, sizeof path) != 0);
    CHECK(outdir_user_dirs_path("/a-config-folder-longer-than-the-room", NULL, path, 16) != 0);
}

static void test_choose(void)
{
    const char *home = "/home/u", *cwd = "/work/here";
    /* the environment's pictures folder */
    CHECK_STR(choose((OutDirEnv){.pictures = "/data/pics", .user_dirs = FRENCH, .home = home, .cwd = cwd}),
              "/data/pics/gradscape");
    CHECK_STR(choose((OutDirEnv){.pictures = "/data/pics//", .home = home}), "/data/pics/gradscape");
    /* ... unless it is not absolute: then the file's */
    CHECK_STR(choose((OutDirEnv){.pictures = "$HOME/Pictures", .user_dirs = FRENCH, .home = home}),
              "/home/u/Images/gradscape");
    CHECK_STR(choose((OutDirEnv){.pictures = "", .user_dirs = FRENCH, .home = home}), "/home/u/Images/gradscape");
    /* no environment, no file (or one without the line): ~/Pictures */
    CHECK_STR(choose((OutDirEnv){.home = home, .cwd = cwd}), "/home/u/Pictures/gradscape");
    CHECK_STR(choose((OutDirEnv){.user_dirs = "XDG_MUSIC_DIR=\"$HOME/Music\"\n", .home = home}),
              "/home/u/Pictures/gradscape");
    CHECK_STR(choose((OutDirEnv){.home = "/"}), "/Pictures/gradscape");
    CHECK_STR(choose((OutDirEnv){.pictures = "/"}), "/gradscape");
    /* no home at all: the working directory */
    CHECK_STR(choose((OutDirEnv){.cwd = cwd}), "/work/here");
    CHECK(strncmp(choose((OutDirEnv){0}), "ERROR: ", 7) == 0);
    /* --out-dir wins over everything, made absolute */
    OutDirEnv all = {.pictures = "/data/pics", .user_dirs = FRENCH, .home = home, .cwd = cwd};
    all.out_dir = "/tmp/shots";
    CHECK_STR(choose(all), "/tmp/shots");
    all.out_dir = "/tmp/shots/";
    CHECK_STR(choose(all), "/tmp/shots");
    all.out_dir = "shots";
    CHECK_STR(choose(all), "/work/here/shots");
    all.out_dir = "./shots/./today/";
    CHECK_STR(choose(all), "/work/here/shots/today");
    all.out_dir = ".";
    CHECK_STR(choose(all), "/work/here");
    all.out_dir = "../../x";
    CHECK_STR(choose(all), "/x");
    all.out_dir = "../../../../x";
    CHECK_STR(choose(all), "/x");
    /* a ".." after a name may follow a link: kept */
    all.out_dir = "a/../b";
    CHECK_STR(choose(all), "/work/here/a/../b");
    all.cwd = NULL;
    CHECK(strstr(choose(all), "ERROR: --out-dir 'a/../b' is relative") == got);
    all.out_dir = "/abs";
    CHECK_STR(choose(all), "/abs");
    /* too long for the room: an error, never a cut path */
    OutDirEnv e = {.home = home};
    CHECK(outdir_choose(&e, got, 20, err, sizeof err) != 0);
    CHECK(strstr(err, "too long") != NULL);
    CHECK(outdir_choose(&e, got, 27, err, sizeof err) == 0);
    CHECK_STR(got, "/home/u/Pictures/gradscape");
}

/* The real environment, and a real user-dirs.dirs under XDG_CONFIG_HOME. */
static void test_from_env(void)
{
    char dir[] = "/tmp/gs-test-outdir-XXXXXX", path[256], want[256];
    if (!mkdtemp(dir)) {
        CHECK_MSG(0, "mkdtemp");
        return;
    }
    snprintf(path, sizeof path, "%s/config", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/config/user-dirs.dirs", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(FRENCH, f);
        fclose(f);
    }
    setenv("HOME", dir, 1);
    snprintf(path, sizeof path, "%s/config", dir);
    setenv("XDG_CONFIG_HOME", path, 1);
    unsetenv("XDG_PICTURES_DIR");
    CHECK(outdir_from_env(NULL, got, sizeof got, err, sizeof err) == 0);
    snprintf(want, sizeof want, "%s/Images/gradscape", dir);
    CHECK_STR(got, want);
    /* the environment's wins over the file */
    setenv("XDG_PICTURES_DIR", "/srv/pics", 1);
    CHECK(outdir_from_env(NULL, got, sizeof got, err, sizeof err) == 0);
    CHECK_STR(got, "/srv/pics/gradscape");
    /* no file: ~/Pictures */
    unsetenv("XDG_PICTURES_DIR");
    setenv("XDG_CONFIG_HOME", "/nonexistent-config", 1);
    CHECK(outdir_from_env(NULL, got, sizeof got, err, sizeof err) == 0);
    snprintf(want, sizeof want, "%s/Pictures/gradscape", dir);
    CHECK_STR(got, want);
    /* --out-dir, relative to the working directory */
    CHECK(chdir(dir) == 0);
    CHECK(outdir_from_env("shots", got, sizeof got, err, sizeof err) == 0);
    snprintf(want, sizeof want, "%s/shots", dir);
    CHECK_STR(got, want);
    snprintf(path, sizeof path, "%s/config/user-dirs.dirs", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/config", dir);
    rmdir(path);
    CHECK(chdir("/") == 0);
    rmdir(dir);
}

int main(void)
{
    test_parse();
    test_choose();
    test_from_env();
    return check_done("test_outdir");
}
