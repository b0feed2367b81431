/* python/_copydesk: the CPython extension behind the `copydesk` package.
 *
 * A thin layer over the PUBLIC C API (include/copydesk.h) and nothing else:
 * one function, _extract(), that takes page bytes plus the per-page settings,
 * runs copydesk_doc_parse + copydesk_doc_render(JSON) with the GIL released,
 * and returns the JSON record as a str. The Python side (copydesk/__init__.py)
 * parses it with the json module, so the dict is exactly the CLI's record.
 *
 * Documents are pooled: a copydesk_doc keeps its arena between pages
 * (copydesk_doc_reset), which is how the CLI and the benchmark run. The pool is
 * a small stack of (options, doc) pairs guarded by the GIL: a call pops a doc
 * with its option bits (or makes one) while holding the GIL, releases the GIL
 * for the whole parse + render, takes the GIL back to copy the result, resets
 * the doc and pushes it back. Two threads never share a doc. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

#include <copydesk.h>

/* Documents kept for reuse. A doc keeps the arena of the largest page it saw,
 * so the pool stays small: enough for a few threads per option set. */
#define S_POOL_MAX 8

static struct {
    unsigned options;
    copydesk_doc *doc;
} S_pool[S_POOL_MAX];
static int S_pool_len;

static PyObject *S_Error; /* copydesk.Error, called as Error(status, code) */

static copydesk_doc *S_pool_get(unsigned options)
{
    for (int i = S_pool_len - 1; i >= 0; i--) {
        if (S_pool[i].options == options) {
            copydesk_doc *d = S_pool[i].doc;
            S_pool[i] = S_pool[S_pool_len - 1];
            S_pool_len--;
            return d;
        }
    }
    return copydesk_doc_new(options);
}

static void S_pool_put(unsigned options, copydesk_doc *doc)
{
    copydesk_doc_reset(doc);
    if (S_pool_len == S_POOL_MAX) {
        /* Make room by dropping the oldest (likely another option set). */
        copydesk_doc_free(S_pool[0].doc);
        memmove(S_pool, S_pool + 1, sizeof S_pool[0] * (S_POOL_MAX - 1));
        S_pool_len--;
    }
    S_pool[S_pool_len].options = options;
    S_pool[S_pool_len].doc = doc;
    S_pool_len++;
}

static void S_raise(copydesk_status st)
{
    PyObject *e = PyObject_CallFunction(S_Error, "si", copydesk_status_str(st), (int)st);
    if (e) {
        PyErr_SetObject((PyObject *)Py_TYPE(e), e);
        Py_DECREF(e);
    }
}

/* _set_error(cls): the exception class to raise, copydesk.Error (defined in
 * Python so that it pickles with its attributes), called as cls(status, code). */
static PyObject *S_set_error(PyObject *self, PyObject *cls)
{
    if (!PyType_Check(cls) ||
        !PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)PyExc_Exception)) {
        PyErr_SetString(PyExc_TypeError, "_set_error: an Exception subclass is needed");
        return NULL;
    }
    Py_INCREF(cls);
    Py_XSETREF(S_Error, cls);
    Py_RETURN_NONE;
}

/* One page on doc, without touching any Python object (runs without the GIL). */
static copydesk_status S_run(copydesk_doc *doc, const Py_buffer *data, const char *url,
                             size_t url_n, const char *source, size_t source_n, const char *charset,
                             size_t charset_n, const char **out, size_t *out_n)
{
    copydesk_status st = COPYDESK_OK;
    if (source) st = copydesk_doc_set_source(doc, source, source_n);
    if (st == COPYDESK_OK && url && url_n > 0) st = copydesk_doc_set_url(doc, url, url_n);
    if (st == COPYDESK_OK && charset && charset_n > 0)
        st = copydesk_doc_set_charset(doc, charset, charset_n);
    if (st == COPYDESK_OK) st = copydesk_doc_parse(doc, (const char *)data->buf, (size_t)data->len);
    if (st == COPYDESK_OK) *out = copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, out_n, &st);
    return st;
}

/* _extract(data, url, source, charset, options, markdown) -> str (a JSON object).
 * data: a bytes-like object; url, source, charset: str or None (already
 * checked by the Python layer); options: COPYDESK_OPT_* bits. */
static PyObject *S_extract(PyObject *self, PyObject *args)
{
    Py_buffer data;
    const char *url = NULL, *source = NULL, *charset = NULL;
    Py_ssize_t url_n = 0, source_n = 0, charset_n = 0;
    unsigned int options = 0;
    if (!PyArg_ParseTuple(args, "y*z#z#z#I", &data, &url, &url_n, &source, &source_n, &charset,
                          &charset_n, &options))
        return NULL;

    copydesk_doc *doc = S_pool_get(options);
    if (!doc) {
        PyBuffer_Release(&data);
        return PyErr_NoMemory();
    }
    /* The GIL is released for the whole page (Py_BEGIN/END_ALLOW_THREADS
     * spelled out): the setters copy their arguments, and the str objects
     * they come from are kept alive by `args` meanwhile. */
    size_t out_n = 0;
    const char *out = NULL;
    PyThreadState *ts = PyEval_SaveThread();
    copydesk_status st = S_run(doc, &data, url, (size_t)url_n, source, (size_t)source_n, charset,
                               (size_t)charset_n, &out, &out_n);
    PyEval_RestoreThread(ts);
    PyBuffer_Release(&data);

    PyObject *res = NULL;
    if (out && st == COPYDESK_OK)
        res = PyUnicode_DecodeUTF8(out, (Py_ssize_t)out_n, "replace");
    else
        S_raise(st == COPYDESK_OK ? COPYDESK_ERR_STATE : st);
    S_pool_put(options, doc);
    return res;
}

static PyObject *S_status_str(PyObject *self, PyObject *arg)
{
    long code = PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred()) return NULL;
    return PyUnicode_FromString(copydesk_status_str((copydesk_status)code));
}

static PyMethodDef S_methods[] = {
    {"_extract", S_extract, METH_VARARGS,
     "_extract(data, url, source, charset, options) -> str: the JSON record (internal)."},
    {"status_str", S_status_str, METH_O, "status_str(code) -> str: copydesk_status_str()."},
    {"_set_error", S_set_error, METH_O, "_set_error(cls): the class of page errors (internal)."},
    {NULL, NULL, 0, NULL}};

static void S_free(void *m)
{
    for (int i = 0; i < S_pool_len; i++)
        copydesk_doc_free(S_pool[i].doc);
    S_pool_len = 0;
}

static struct PyModuleDef S_module = {PyModuleDef_HEAD_INIT,
                                      "copydesk._copydesk",
                                      "C core of the copydesk package (public libcopydesk API).",
                                      -1,
                                      S_methods,
                                      NULL,
                                      NULL,
                                      NULL,
                                      S_free};

PyMODINIT_FUNC PyInit__copydesk(void)
{
    PyObject *m = PyModule_Create(&S_module);
    if (!m) return NULL;
    /* Until copydesk/__init__.py installs its own class with _set_error(). */
    S_Error = PyErr_NewException("copydesk._copydesk.Error", NULL, NULL);
    if (!S_Error) goto fail;
    struct {
        const char *name;
        long value;
    } consts[] = {
        {"OPT_KEEP_COMMENTS", COPYDESK_OPT_KEEP_COMMENTS},
        {"OPT_NO_TABLES", COPYDESK_OPT_NO_TABLES},
        {"OPT_NO_CAPTIONS", COPYDESK_OPT_NO_CAPTIONS},
        {"OPT_NO_EXTRACT", COPYDESK_OPT_NO_EXTRACT},
        {"OPT_JSON_MARKDOWN", COPYDESK_OPT_JSON_MARKDOWN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) goto fail;
    if (PyModule_AddStringConstant(m, "library_version", copydesk_version_string()) < 0) goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
