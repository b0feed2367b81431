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
 * the doc and pushes it back. Two threads never share a doc.
 *
 * Web archives: the _Warc type wraps the public reader (copydesk_warc_*), so
 * iter_warc() reads archives with the CLI's own code. Its read callback calls
 * the Python file object's readinto() (or read()) with the GIL held: reading
 * and decompressing run under the GIL, extraction (_Warc.extract, on the
 * reader's payload, no copy) without it, like _extract(). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <stdio.h>
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

/* ---- site models: _Sites ------------------------------------------------ */

/* A copydesk_sites. Writers (observe, merge, load) need it free of readers;
 * readers (an extraction using it, without the GIL) count themselves in
 * `readers`. Both checks are made with the GIL held, so a model is never
 * written while a document reads it (the C API's rule): a write during a
 * read raises RuntimeError instead. */
typedef struct {
    PyObject_HEAD
    copydesk_sites *s;
    int readers; /* extractions using it now */
    int writing; /* observe running without the GIL */
} S_Sites;

static PyTypeObject S_SitesType;

static PyObject *S_sites_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (!PyArg_ParseTuple(args, ":_Sites")) return NULL;
    S_Sites *self = (S_Sites *)type->tp_alloc(type, 0);
    if (!self) return NULL;
    self->s = copydesk_sites_new();
    if (!self->s) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static void S_sites_dealloc(S_Sites *self)
{
    copydesk_sites_free(self->s);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int S_sites_writable(S_Sites *self)
{
    if (self->readers || self->writing) {
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the site model is in use (being read or written)");
        return 0;
    }
    return 1;
}

/* observe(data, url, charset) -> int: the copydesk_status (0: observed; a
 * page that cannot be read is skipped, its status returned). MemoryError on
 * out-of-memory (the model unchanged). The GIL is released. */
static PyObject *S_sites_observe(S_Sites *self, PyObject *args)
{
    Py_buffer data;
    const char *url = NULL, *charset = NULL;
    Py_ssize_t url_n = 0, charset_n = 0;
    if (!PyArg_ParseTuple(args, "y*z#z#", &data, &url, &url_n, &charset, &charset_n)) return NULL;
    if (!S_sites_writable(self)) {
        PyBuffer_Release(&data);
        return NULL;
    }
    self->writing = 1;
    PyThreadState *ts = PyEval_SaveThread();
    copydesk_status st = copydesk_sites_observe(self->s, (const char *)data.buf, (size_t)data.len,
                                                url && url_n ? url : NULL,
                                                charset && charset_n ? charset : NULL);
    PyEval_RestoreThread(ts);
    self->writing = 0;
    PyBuffer_Release(&data);
    if (st == COPYDESK_ERR_NOMEM) return PyErr_NoMemory();
    return PyLong_FromLong((long)st);
}

/* merge(other): other's observations added. */
static PyObject *S_sites_merge(S_Sites *self, PyObject *arg)
{
    if (!PyObject_TypeCheck(arg, &S_SitesType)) {
        PyErr_SetString(PyExc_TypeError, "copydesk: merge() wants a site model");
        return NULL;
    }
    S_Sites *o = (S_Sites *)arg;
    if (!S_sites_writable(self)) return NULL;
    if (o->writing) {
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the site model is in use (being written)");
        return NULL;
    }
    copydesk_status st = copydesk_sites_merge(self->s, o->s);
    if (st == COPYDESK_ERR_NOMEM) return PyErr_NoMemory();
    if (st != COPYDESK_OK) {
        S_raise(st);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* save() -> bytes: the model's file format. */
static PyObject *S_sites_save(S_Sites *self, PyObject *unused)
{
    if (self->writing) {
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the site model is in use (being written)");
        return NULL;
    }
    size_t len = 0;
    copydesk_status st = COPYDESK_OK;
    char *data = copydesk_sites_save(self->s, &len, &st);
    if (!data) {
        if (st == COPYDESK_ERR_NOMEM || st == COPYDESK_OK) return PyErr_NoMemory();
        S_raise(st);
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(data, (Py_ssize_t)len);
    copydesk_free(data);
    return b;
}

/* load(data) -> int: a saved model merged in; the status (0 ok, else the
 * model unchanged; MemoryError on out-of-memory). */
static PyObject *S_sites_load(S_Sites *self, PyObject *arg)
{
    Py_buffer b;
    if (PyObject_GetBuffer(arg, &b, PyBUF_SIMPLE) < 0) return NULL;
    if (!S_sites_writable(self)) {
        PyBuffer_Release(&b);
        return NULL;
    }
    copydesk_status st = copydesk_sites_load(self->s, (const char *)b.buf, (size_t)b.len);
    PyBuffer_Release(&b);
    if (st == COPYDESK_ERR_NOMEM) return PyErr_NoMemory();
    return PyLong_FromLong((long)st);
}

/* save_file / load_file: the model streamed to or from a file
 * (copydesk_sites_save_to / copydesk_sites_load_from), never held whole in
 * memory beside the model (docs/sites.md "Memory bound"). */
typedef struct S_sfile {
    FILE *f;
    int err; /* errno of a failed read or write */
} S_sfile;

static copydesk_status S_sfile_write(void *ctx, const void *buf, size_t len)
{
    S_sfile *o = ctx;
    errno = 0;
    if (fwrite(buf, 1, len, o->f) == len) return COPYDESK_OK;
    o->err = errno ? errno : EIO;
    return COPYDESK_ERR_IO;
}

static size_t S_sfile_read(void *ctx, void *buf, size_t len, int *err)
{
    S_sfile *in = ctx;
    errno = 0;
    size_t n = fread(buf, 1, len, in->f);
    if (n < len && ferror(in->f)) {
        in->err = errno ? errno : EIO;
        *err = 1;
    }
    return n;
}

/* save_file(path): the model's file format written to path (created or
 * truncated). OSError when it cannot be written. The GIL is released. */
static PyObject *S_sites_save_file(S_Sites *self, PyObject *arg)
{
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(arg, &path)) return NULL;
    if (self->writing) {
        Py_DECREF(path);
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the site model is in use (being written)");
        return NULL;
    }
    const char *p = PyBytes_AS_STRING(path);
    S_sfile o = {NULL, 0};
    copydesk_status st;
    self->readers++; /* no write while the save reads it without the GIL */
    PyThreadState *ts = PyEval_SaveThread();
    errno = 0;
    o.f = fopen(p, "wb");
    if (!o.f) {
        o.err = errno ? errno : EIO;
        st = COPYDESK_ERR_IO;
    } else {
        st = copydesk_sites_save_to(self->s, S_sfile_write, &o);
        errno = 0;
        if (fclose(o.f) != 0 && st == COPYDESK_OK) {
            o.err = errno ? errno : EIO;
            st = COPYDESK_ERR_IO;
        }
    }
    PyEval_RestoreThread(ts);
    self->readers--;
    if (st == COPYDESK_ERR_IO) {
        errno = o.err;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, arg);
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    if (st == COPYDESK_ERR_NOMEM) return PyErr_NoMemory();
    if (st != COPYDESK_OK) {
        S_raise(st);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* load_file(path) -> int: a saved model streamed from path and merged in;
 * the status (0 ok, else the model unchanged); OSError when path cannot be
 * read, MemoryError on out-of-memory. The GIL is released. */
static PyObject *S_sites_load_file(S_Sites *self, PyObject *arg)
{
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(arg, &path)) return NULL;
    if (!S_sites_writable(self)) {
        Py_DECREF(path);
        return NULL;
    }
    const char *p = PyBytes_AS_STRING(path);
    S_sfile in = {NULL, 0};
    copydesk_status st;
    self->writing = 1;
    PyThreadState *ts = PyEval_SaveThread();
    errno = 0;
    in.f = fopen(p, "rb");
    if (!in.f) {
        in.err = errno ? errno : EIO;
        st = COPYDESK_ERR_IO;
    } else {
        st = copydesk_sites_load_from(self->s, S_sfile_read, &in);
        fclose(in.f);
    }
    PyEval_RestoreThread(ts);
    self->writing = 0;
    Py_DECREF(path);
    if (st == COPYDESK_ERR_IO) {
        errno = in.err;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, arg);
        return NULL;
    }
    if (st == COPYDESK_ERR_NOMEM) return PyErr_NoMemory();
    return PyLong_FromLong((long)st);
}

static PyObject *S_sites_counts(S_Sites *self, PyObject *unused)
{
    return Py_BuildValue("(nnn)", (Py_ssize_t)copydesk_sites_hosts(self->s),
                         (Py_ssize_t)copydesk_sites_pages(self->s),
                         (Py_ssize_t)copydesk_sites_bytes(self->s));
}

static PyMethodDef S_sites_methods[] = {
    {"observe", (PyCFunction)S_sites_observe, METH_VARARGS,
     "observe(data, url, charset) -> status: learn from one page (internal)."},
    {"merge", (PyCFunction)S_sites_merge, METH_O, "merge(other): add other's observations (internal)."},
    {"save", (PyCFunction)S_sites_save, METH_NOARGS, "save() -> bytes: the model file (internal)."},
    {"load", (PyCFunction)S_sites_load, METH_O, "load(data) -> status: merge a saved model (internal)."},
    {"save_file", (PyCFunction)S_sites_save_file, METH_O,
     "save_file(path): write the model file, streamed (internal)."},
    {"load_file", (PyCFunction)S_sites_load_file, METH_O,
     "load_file(path) -> status: merge a saved model file, streamed (internal)."},
    {"counts", (PyCFunction)S_sites_counts, METH_NOARGS, "counts() -> (hosts, pages, bytes) (internal)."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject S_SitesType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "copydesk._copydesk._Sites",
    .tp_basicsize = sizeof(S_Sites),
    .tp_dealloc = (destructor)S_sites_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "_Sites(): a copydesk_sites site model (internal; see copydesk.SiteModel).",
    .tp_methods = S_sites_methods,
    .tp_new = S_sites_new,
};

/* The model an extraction reads: None, or a _Sites (counted as a reader
 * until S_sites_unborrow). NULL with an exception set for a wrong type or a
 * model being written; *ok set to 0 then. */
static copydesk_sites *S_sites_borrow(PyObject *o, int *ok)
{
    *ok = 1;
    if (!o || o == Py_None) return NULL;
    if (!PyObject_TypeCheck(o, &S_SitesType)) {
        PyErr_SetString(PyExc_TypeError, "copydesk: sites must be a site model or None");
        *ok = 0;
        return NULL;
    }
    S_Sites *m = (S_Sites *)o;
    if (m->writing) {
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the site model is in use (being written)");
        *ok = 0;
        return NULL;
    }
    m->readers++;
    return m->s;
}

static void S_sites_unborrow(PyObject *o)
{
    if (o && o != Py_None) ((S_Sites *)o)->readers--;
}

/* One page on doc, without touching any Python object (runs without the GIL). */
static copydesk_status S_run(copydesk_doc *doc, const char *bytes, size_t len, const char *url,
                             size_t url_n, const char *source, size_t source_n, const char *charset,
                             size_t charset_n, long long ref_time, copydesk_format format,
                             const copydesk_sites *sites, const char **out, size_t *out_n)
{
    copydesk_status st = COPYDESK_OK;
    copydesk_doc_set_sites(doc, sites);
    if (source) st = copydesk_doc_set_source(doc, source, source_n);
    if (st == COPYDESK_OK && ref_time > 0) st = copydesk_doc_set_reference_time(doc, ref_time);
    if (st == COPYDESK_OK && url && url_n > 0) st = copydesk_doc_set_url(doc, url, url_n);
    if (st == COPYDESK_OK && charset && charset_n > 0)
        st = copydesk_doc_set_charset(doc, charset, charset_n);
    if (st == COPYDESK_OK) st = copydesk_doc_parse(doc, bytes, len);
    if (st == COPYDESK_OK) *out = copydesk_doc_render(doc, format, out_n, &st);
    copydesk_doc_set_sites(doc, NULL); /* pooled docs never keep a model */
    return st;
}

/* _extract(data, url, source, charset, options, reference_time[, format[, sites]]) -> str
 * (a JSON object, or the rendering in `format`: FORMAT_TEXT, FORMAT_MARKDOWN).
 * data: a bytes-like object; url, source, charset: str or None (already
 * checked by the Python layer); options: COPYDESK_OPT_* bits; reference_time:
 * Unix seconds for relative dates, 0 for none. */
static PyObject *S_extract(PyObject *self, PyObject *args)
{
    Py_buffer data;
    const char *url = NULL, *source = NULL, *charset = NULL;
    Py_ssize_t url_n = 0, source_n = 0, charset_n = 0;
    unsigned int options = 0;
    long long ref_time = 0;
    int format = COPYDESK_FORMAT_JSON;
    PyObject *sites_obj = NULL;
    if (!PyArg_ParseTuple(args, "y*z#z#z#IL|iO", &data, &url, &url_n, &source, &source_n, &charset,
                          &charset_n, &options, &ref_time, &format, &sites_obj))
        return NULL;
    if (format != COPYDESK_FORMAT_TEXT && format != COPYDESK_FORMAT_MARKDOWN &&
        format != COPYDESK_FORMAT_JSON) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "copydesk: unknown format number");
        return NULL;
    }

    int sites_ok;
    const copydesk_sites *sites = S_sites_borrow(sites_obj, &sites_ok);
    if (!sites_ok) {
        PyBuffer_Release(&data);
        return NULL;
    }
    copydesk_doc *doc = S_pool_get(options);
    if (!doc) {
        S_sites_unborrow(sites_obj);
        PyBuffer_Release(&data);
        return PyErr_NoMemory();
    }
    /* The GIL is released for the whole page (Py_BEGIN/END_ALLOW_THREADS
     * spelled out): the setters copy their arguments, and the str objects
     * they come from are kept alive by `args` meanwhile. */
    size_t out_n = 0;
    const char *out = NULL;
    PyThreadState *ts = PyEval_SaveThread();
    copydesk_status st = S_run(doc, (const char *)data.buf, (size_t)data.len, url, (size_t)url_n,
                               source, (size_t)source_n, charset, (size_t)charset_n, ref_time,
                               (copydesk_format)format, sites, &out, &out_n);
    PyEval_RestoreThread(ts);
    S_sites_unborrow(sites_obj);
    PyBuffer_Release(&data);

    PyObject *res = NULL;
    if (out && st == COPYDESK_OK)
        res = PyUnicode_DecodeUTF8(out, (Py_ssize_t)out_n, "replace");
    else
        S_raise(st == COPYDESK_OK ? COPYDESK_ERR_STATE : st);
    S_pool_put(options, doc);
    return res;
}

/* ---- web archives: _Warc ------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    copydesk_warc *w;
    PyObject *readinto; /* the file's bound readinto(), or NULL: then read() */
    PyObject *read;
    /* An exception raised by the file while the reader read from it: an
     * OSError ends the input and is raised after the last record (the records
     * before it still come out, as the CLI reports a read error after them);
     * anything else is raised as soon as the reader returns. */
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *exc;
#else
    PyObject *exc_type, *exc_value, *exc_tb;
#endif
    int exc_fatal;
    int busy; /* an extract() runs without the GIL: the reader must not move */
} S_Warc;

static int S_warc_has_exc(const S_Warc *self)
{
#if PY_VERSION_HEX >= 0x030C0000
    return self->exc != NULL;
#else
    return self->exc_type != NULL;
#endif
}

/* Take the current exception into self (the first one wins). */
static void S_warc_save_exc(S_Warc *self)
{
    int fatal = !PyErr_ExceptionMatches(PyExc_OSError);
    if (S_warc_has_exc(self)) {
        PyErr_Clear();
        return;
    }
    self->exc_fatal = fatal;
#if PY_VERSION_HEX >= 0x030C0000
    self->exc = PyErr_GetRaisedException();
#else
    PyErr_Fetch(&self->exc_type, &self->exc_value, &self->exc_tb);
#endif
}

/* Raise the saved exception; returns NULL. */
static PyObject *S_warc_raise_exc(S_Warc *self)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(self->exc);
    self->exc = NULL;
#else
    PyErr_Restore(self->exc_type, self->exc_value, self->exc_tb);
    self->exc_type = self->exc_value = self->exc_tb = NULL;
#endif
    return NULL;
}

/* copydesk_read_fn over the Python file object (called with the GIL held). */
static size_t S_warc_read(void *ctx, void *buf, size_t len, int *err)
{
    S_Warc *self = ctx;
    size_t got = 0;
    if (S_warc_has_exc(self)) {
        *err = 1;
        return 0;
    }
    if (len > PY_SSIZE_T_MAX) len = PY_SSIZE_T_MAX;
    if (self->readinto) {
        PyObject *mv = PyMemoryView_FromMemory(buf, (Py_ssize_t)len, PyBUF_WRITE);
        if (!mv) goto fail;
        PyObject *r = PyObject_CallOneArg(self->readinto, mv);
        if (!r) {
            S_warc_save_exc(self);
        } else if (r != Py_None) { /* None: a non-blocking file with nothing now, taken as the end */
            Py_ssize_t n = PyLong_AsSsize_t(r);
            if (n == -1 && PyErr_Occurred())
                S_warc_save_exc(self);
            else if (n < 0 || (size_t)n > len) {
                PyErr_SetString(PyExc_ValueError, "copydesk: readinto() returned a bad count");
                S_warc_save_exc(self);
            } else
                got = (size_t)n;
        }
        Py_XDECREF(r);
        /* The view points into the reader's buffer: close it so that a file
         * object keeping it cannot write there later. */
        PyObject *rel = PyObject_CallMethod(mv, "release", NULL);
        if (rel)
            Py_DECREF(rel);
        else
            S_warc_save_exc(self);
        Py_DECREF(mv);
    } else {
        PyObject *r = PyObject_CallFunction(self->read, "n", (Py_ssize_t)len);
        if (!r) goto fail;
        if (r != Py_None) {
            Py_buffer b;
            if (PyObject_GetBuffer(r, &b, PyBUF_SIMPLE) < 0) {
                PyErr_Format(PyExc_TypeError,
                             "copydesk.iter_warc: expected a binary file object (read() gave %s)",
                             Py_TYPE(r)->tp_name);
                Py_DECREF(r);
                goto fail;
            }
            if ((size_t)b.len > len) {
                PyErr_SetString(PyExc_ValueError, "copydesk: read() returned more bytes than asked");
                S_warc_save_exc(self);
            } else {
                memcpy(buf, b.buf, (size_t)b.len);
                got = (size_t)b.len;
            }
            PyBuffer_Release(&b);
        }
        Py_DECREF(r);
    }
    if (S_warc_has_exc(self)) *err = 1;
    return got;
fail:
    S_warc_save_exc(self);
    *err = 1;
    return 0;
}

static void S_warc_close_reader(S_Warc *self)
{
    copydesk_warc_free(self->w);
    self->w = NULL;
}

static void S_warc_dealloc(S_Warc *self)
{
    S_warc_close_reader(self);
    Py_XDECREF(self->readinto);
    Py_XDECREF(self->read);
#if PY_VERSION_HEX >= 0x030C0000
    Py_XDECREF(self->exc);
#else
    Py_XDECREF(self->exc_type);
    Py_XDECREF(self->exc_value);
    Py_XDECREF(self->exc_tb);
#endif
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* *out = obj.name, or NULL when obj has no such attribute; -1 on another error. */
static int S_optional_attr(PyObject *obj, const char *name, PyObject **out)
{
    *out = PyObject_GetAttrString(obj, name);
    if (*out) return 0;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return -1;
    PyErr_Clear();
    return 0;
}

/* _Warc(fileobj): a reader over a binary file object (it may read at once). */
static PyObject *S_warc_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *f;
    if (!PyArg_ParseTuple(args, "O:_Warc", &f)) return NULL;
    S_Warc *self = (S_Warc *)type->tp_alloc(type, 0);
    if (!self) return NULL;
    if (S_optional_attr(f, "readinto", &self->readinto) < 0 ||
        S_optional_attr(f, "read", &self->read) < 0)
        goto fail;
    if (!self->readinto && !self->read) {
        PyErr_Format(PyExc_TypeError,
                     "copydesk.iter_warc: expected a path or a binary file object, not %s",
                     Py_TYPE(f)->tp_name);
        goto fail;
    }
    self->w = copydesk_warc_new(S_warc_read, self);
    if (!self->w) {
        PyErr_NoMemory();
        goto fail;
    }
    if (S_warc_has_exc(self) && self->exc_fatal) {
        S_warc_raise_exc(self);
        goto fail;
    }
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

/* A header value as the CLI passes it on (a C string, up to a NUL byte), or None. */
static PyObject *S_warc_str(const char *s)
{
    if (!s) Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* next() -> None at the end, or (kind, source suffix, error message, record id, date):
 * kind is COPYDESK_WARC_*; a skipped record gives (kind, None, None, None, None); the
 * suffix is "#<record-id>" or "@<offset>", to follow the path (copydesk_warc_source). */
static PyObject *S_warc_next(S_Warc *self, PyObject *unused)
{
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the archive reader is in use");
        return NULL;
    }
    if (!self->w) Py_RETURN_NONE;
    int got = copydesk_warc_next(self->w);
    if (S_warc_has_exc(self) && (self->exc_fatal || !got)) return S_warc_raise_exc(self);
    if (!got) Py_RETURN_NONE;
    copydesk_warc_kind kind = copydesk_warc_record_kind(self->w);
    if (kind == COPYDESK_WARC_SKIPPED)
        return Py_BuildValue("(iOOOO)", (int)kind, Py_None, Py_None, Py_None, Py_None);
    const char *suffix = copydesk_warc_source(self->w, NULL, 0, NULL);
    const char *msg = kind == COPYDESK_WARC_ERROR ? copydesk_warc_error_message(self->w, NULL) : NULL;
    if (!suffix || (kind == COPYDESK_WARC_ERROR && !msg)) return PyErr_NoMemory();
    return Py_BuildValue("(iNNNN)", (int)kind, S_warc_str(suffix), S_warc_str(msg),
                         S_warc_str(copydesk_warc_record_id(self->w, NULL)),
                         S_warc_str(copydesk_warc_date(self->w, NULL)));
}

/* extract(source, charset, options[, sites]) -> str: the JSON record of the current HTML
 * record, as the CLI makes it: url from the record, its charset or else the
 * given hint. The payload stays in the reader (no copy); the GIL is released. */
static PyObject *S_warc_extract(S_Warc *self, PyObject *args)
{
    const char *source = NULL, *hint = NULL;
    Py_ssize_t source_n = 0, hint_n = 0;
    unsigned int options = 0;
    PyObject *sites_obj = NULL;
    if (!PyArg_ParseTuple(args, "z#z#I|O", &source, &source_n, &hint, &hint_n, &options, &sites_obj))
        return NULL;
    size_t len = 0;
    const char *payload = self->w && !self->busy ? copydesk_warc_payload(self->w, &len) : NULL;
    if (!payload) {
        S_raise(COPYDESK_ERR_STATE);
        return NULL;
    }
    const char *url = copydesk_warc_url(self->w, NULL);
    const char *cs = copydesk_warc_charset(self->w, NULL);
    size_t url_n = url ? strlen(url) : 0, cs_n = cs ? strlen(cs) : 0;
    if (!cs_n) {
        cs = hint;
        cs_n = hint ? (size_t)hint_n : 0;
    }
    /* Relative dates count from the capture time, as in the CLI. */
    long long ref_time = 0;
    const char *wdate = copydesk_warc_date(self->w, NULL);
    if (!wdate || copydesk_parse_time(wdate, strlen(wdate), &ref_time) != COPYDESK_OK) ref_time = 0;
    int sites_ok;
    const copydesk_sites *sites = S_sites_borrow(sites_obj, &sites_ok);
    if (!sites_ok) return NULL;
    copydesk_doc *doc = S_pool_get(options);
    if (!doc) {
        S_sites_unborrow(sites_obj);
        return PyErr_NoMemory();
    }
    size_t out_n = 0;
    const char *out = NULL;
    self->busy = 1;
    PyThreadState *ts = PyEval_SaveThread();
    copydesk_status st =
        S_run(doc, payload, len, url, url_n, source, (size_t)source_n, cs, cs_n, ref_time,
              COPYDESK_FORMAT_JSON, sites, &out, &out_n);
    PyEval_RestoreThread(ts);
    self->busy = 0;
    S_sites_unborrow(sites_obj);
    PyObject *res = NULL;
    if (out && st == COPYDESK_OK)
        res = PyUnicode_DecodeUTF8(out, (Py_ssize_t)out_n, "replace");
    else
        S_raise(st == COPYDESK_OK ? COPYDESK_ERR_STATE : st);
    S_pool_put(options, doc);
    return res;
}

/* observe(sites, charset): the current HTML record observed into the site
 * model as the CLI's pass 1 does (the record's URL; its charset, else the
 * hint). Returns the status. */
static PyObject *S_warc_observe(S_Warc *self, PyObject *args)
{
    PyObject *m;
    const char *hint = NULL;
    Py_ssize_t hint_n = 0;
    if (!PyArg_ParseTuple(args, "O!z#", &S_SitesType, &m, &hint, &hint_n)) return NULL;
    S_Sites *sm = (S_Sites *)m;
    size_t len = 0;
    const char *payload = self->w && !self->busy ? copydesk_warc_payload(self->w, &len) : NULL;
    if (!payload) {
        S_raise(COPYDESK_ERR_STATE);
        return NULL;
    }
    if (!S_sites_writable(sm)) return NULL;
    const char *url = copydesk_warc_url(self->w, NULL);
    const char *cs = copydesk_warc_charset(self->w, NULL);
    if (!cs || !*cs) cs = hint && hint_n ? hint : NULL;
    if (url && !*url) url = NULL;
    sm->writing = 1;
    self->busy = 1;
    PyThreadState *ts = PyEval_SaveThread();
    copydesk_status st = copydesk_sites_observe(sm->s, payload, len, url, cs);
    PyEval_RestoreThread(ts);
    self->busy = 0;
    sm->writing = 0;
    if (st == COPYDESK_ERR_NOMEM) return PyErr_NoMemory();
    return PyLong_FromLong((long)st);
}

/* close(): free the reader now (the file object is the caller's to close). */
static PyObject *S_warc_close(S_Warc *self, PyObject *unused)
{
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "copydesk: the archive reader is in use");
        return NULL;
    }
    S_warc_close_reader(self);
    Py_RETURN_NONE;
}

static PyMethodDef S_warc_methods[] = {
    {"next", (PyCFunction)S_warc_next, METH_NOARGS,
     "next() -> None, or (kind, source suffix, error, record id, date) (internal)."},
    {"extract", (PyCFunction)S_warc_extract, METH_VARARGS,
     "extract(source, charset, options) -> str: the current HTML record's JSON (internal)."},
    {"observe", (PyCFunction)S_warc_observe, METH_VARARGS,
     "observe(sites, charset) -> status: learn from the current HTML record (internal)."},
    {"close", (PyCFunction)S_warc_close, METH_NOARGS, "close(): free the reader."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject S_WarcType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "copydesk._copydesk._Warc",
    .tp_basicsize = sizeof(S_Warc),
    .tp_dealloc = (destructor)S_warc_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "_Warc(fileobj): the library's web archive reader over a binary file (internal).",
    .tp_methods = S_warc_methods,
    .tp_new = S_warc_new,
};

/* _warc_sniff(bytes) -> int: COPYDESK_WARC_FORMAT_* of a file's first bytes. */
static PyObject *S_warc_sniff(PyObject *self, PyObject *arg)
{
    Py_buffer b;
    if (PyObject_GetBuffer(arg, &b, PyBUF_SIMPLE) < 0) return NULL;
    copydesk_warc_format fmt = copydesk_warc_sniff((const char *)b.buf, (size_t)b.len);
    PyBuffer_Release(&b);
    return PyLong_FromLong((long)fmt);
}

static PyObject *S_status_str(PyObject *self, PyObject *arg)
{
    long code = PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred()) return NULL;
    return PyUnicode_FromString(copydesk_status_str((copydesk_status)code));
}

static PyMethodDef S_methods[] = {
    {"_extract", S_extract, METH_VARARGS,
     "_extract(data, url, source, charset, options, reference_time) -> str: the JSON record (internal)."},
    {"status_str", S_status_str, METH_O, "status_str(code) -> str: copydesk_status_str()."},
    {"_set_error", S_set_error, METH_O, "_set_error(cls): the class of page errors (internal)."},
    {"_warc_sniff", S_warc_sniff, METH_O,
     "_warc_sniff(head) -> int: 0 not an archive, 1 WARC, 2 ARC (internal)."},
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
        {"FORMAT_TEXT", COPYDESK_FORMAT_TEXT},
        {"FORMAT_MARKDOWN", COPYDESK_FORMAT_MARKDOWN},
        {"FORMAT_JSON", COPYDESK_FORMAT_JSON},
        {"ERR_IO", COPYDESK_ERR_IO},
        {"OPT_KEEP_COMMENTS", COPYDESK_OPT_KEEP_COMMENTS},
        {"OPT_NO_TABLES", COPYDESK_OPT_NO_TABLES},
        {"OPT_NO_CAPTIONS", COPYDESK_OPT_NO_CAPTIONS},
        {"OPT_NO_EXTRACT", COPYDESK_OPT_NO_EXTRACT},
        {"OPT_JSON_MARKDOWN", COPYDESK_OPT_JSON_MARKDOWN},
        {"OPT_KEEP_PARTS", COPYDESK_OPT_KEEP_PARTS},
        {"OPT_EXPLAIN", COPYDESK_OPT_EXPLAIN},
        {"OPT_BODY_ONLY", COPYDESK_OPT_BODY_ONLY},
        {"WARC_HTML", COPYDESK_WARC_HTML},
        {"WARC_SKIPPED", COPYDESK_WARC_SKIPPED},
        {"WARC_ERROR", COPYDESK_WARC_ERROR},
        {"SITES_MIN_PAGES", COPYDESK_SITES_MIN_PAGES},
        {"OK", COPYDESK_OK},
        {"ERR_NOMEM", COPYDESK_ERR_NOMEM},
    };
    if (PyType_Ready(&S_SitesType) < 0) goto fail;
    Py_INCREF(&S_SitesType);
    if (PyModule_AddObject(m, "_Sites", (PyObject *)&S_SitesType) < 0) {
        Py_DECREF(&S_SitesType);
        goto fail;
    }
    if (PyType_Ready(&S_WarcType) < 0) goto fail;
    Py_INCREF(&S_WarcType);
    if (PyModule_AddObject(m, "_Warc", (PyObject *)&S_WarcType) < 0) {
        Py_DECREF(&S_WarcType);
        goto fail;
    }
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) goto fail;
    if (PyModule_AddStringConstant(m, "library_version", copydesk_version_string()) < 0) goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
