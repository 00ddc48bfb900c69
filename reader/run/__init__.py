"""Running an analysis: the pipeline and its stages, the parse (in process or in worker
processes), heavy steps moved off the window's process, and the cache of results."""
