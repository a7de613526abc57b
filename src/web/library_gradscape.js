// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// library_gradscape: what the browser build's platform layer (platform_web.c)
// asks of the page: downloads, the clipboard, and telling the page that the app
// started, drew its first frame, or could not start. Linked with --js-library.
mergeInto(LibraryManager.library, {
  // A file the user saved, from the in-memory file system: offered as a download,
  // then removed.
  gs_web_download__deps: ['$FS'],
  gs_web_download: function (pathPtr) {
    var path = UTF8ToString(pathPtr);
    var data = FS.readFile(path);
    var name = path.substring(path.lastIndexOf('/') + 1);
    var type = name.endsWith('.png') ? 'image/png' : 'text/plain';
    var url = URL.createObjectURL(new Blob([data], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    FS.unlink(path);
    if (Module.onSaved) Module.onSaved(name, data);
  },
  // A scene file to open: the browser's file picker (the user's key press or click
  // a moment ago lets the page open it); the file chosen is opened by gs_web_open.
  gs_web_pick_file__deps: ['$gsWebOpenFile'],
  gs_web_pick_file: function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.scene,.lesson,text/plain';
    input.onchange = function () {
      if (input.files.length) gsWebOpenFile(input.files[0]);
      Module.filePicker = null;
    };
    Module.filePicker = input; // kept while the picker is open (else it may be collected)
    input.click();
  },
  // Writes a File into the in-memory file system, under its own name, and opens
  // it as a scene. Also what a file dropped on the page goes through.
  $gsWebOpenFile__deps: ['$FS'],
  $gsWebOpenFile__postset: 'Module.openFile = gsWebOpenFile;',
  $gsWebOpenFile: function (file) {
    file.arrayBuffer().then(function (buf) {
      var name = '/' + (file.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'dropped.scene');
      FS.writeFile(name, new Uint8Array(buf));
      Module.ccall('gs_web_open', null, ['string'], [name]);
    });
  },
  // The last scene, kept in the browser's local storage: written back where
  // --resume reads it before the command line is parsed, and saved again whenever
  // the page is left (gs_web_keep writes it).
  gs_web_restore__deps: ['$FS'],
  gs_web_restore: function (pathPtr) {
    try {
      var scene = localStorage.getItem('gradscape.last.scene');
      if (scene) FS.writeFile(UTF8ToString(pathPtr), scene);
    } catch (e) {}
  },
  gs_web_keep_on_leave__deps: ['$FS'],
  gs_web_keep_on_leave: function () {
    window.addEventListener('pagehide', function () {
      var path = Module.ccall('gs_web_keep', 'string', [], []);
      try {
        if (path) localStorage.setItem('gradscape.last.scene', FS.readFile(path, { encoding: 'utf8' }));
      } catch (e) {}
    });
  },
  // The page's address follows the scene: once a second, the scene file's lines
  // ("--key value") become the query (?key=value&...), as index.html reads it, so
  // that the address opens this scene when shared or reloaded. The step shown is
  // left out while the animation plays.
  gs_web_follow_address__deps: ['$FS', 'malloc', 'free'],
  gs_web_follow_address: function () {
    setInterval(function () {
      var playing = _malloc(4);
      var path = Module.ccall('gs_web_address_scene', 'string', ['number'], [playing]);
      var moving = HEAP32[playing >> 2];
      _free(playing);
      if (!path) return;
      var query = [];
      // readable where it can be: ':', ',' and '=' need no escape in a query's value
      var encode = function (text) {
        return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3D/g, '=');
      };
      FS.readFile(path, { encoding: 'utf8' }).split('\n').forEach(function (line) {
        if (line.substring(0, 2) !== '--') return;
        var space = line.indexOf(' ');
        var key = space < 0 ? line.substring(2) : line.substring(2, space);
        if (key.split('=')[0] === 'at' && moving) return;
        query.push(space < 0 ? encodeURIComponent(key) : encodeURIComponent(key) + '=' + encode(line.substring(space + 1)));
      });
      var search = '?' + query.join('&');
      if (search !== location.search) history.replaceState(null, '', search);
    }, 1000);
  },
  // A phone or a tablet: its pointer is a finger (the controls are made touch-sized).
  // A text field is edited (on) or no longer: the hidden field of index.html takes
  // the keyboard at the caret (x, y, h in CSS pixels over the canvas), so that an
  // input method composes there; the canvas takes it back after.
  gs_web_ime: function (on, x, y, h) {
    var ime = document.getElementById('ime'), canvas = Module['canvas'];
    if (!ime || !canvas) return;
    if (on) {
      var r = canvas.getBoundingClientRect();
      ime.style.left = (r.left + window.scrollX + x) + 'px';
      ime.style.top = (r.top + window.scrollY + y) + 'px';
      ime.style.height = h + 'px';
      if (document.activeElement !== ime) ime.focus({preventScroll: true});
    } else if (document.activeElement === ime) {
      ime.value = '';
      canvas.focus({preventScroll: true});
    }
  },
  gs_web_coarse_pointer: function () {
    return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
  },
  gs_web_clipboard: function (textPtr) {
    if (!navigator.clipboard) return -1;
    navigator.clipboard.writeText(UTF8ToString(textPtr)).catch(function () {});
    return 0;
  },
  gs_web_started: function () {
    if (Module.onStarted) Module.onStarted();
  },
  gs_web_first_frame: function () {
    if (Module.onFirstFrame) Module.onFirstFrame();
  },
  gs_web_failed: function (msgPtr) {
    if (Module.onFailed) Module.onFailed(UTF8ToString(msgPtr));
  },
});
