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
