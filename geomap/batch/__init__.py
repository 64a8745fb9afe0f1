"""Running the pipeline over many articles: a local process pool (`pool`) and Dask for archives."""
