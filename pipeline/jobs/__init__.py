"""Jobs: the compositions of rooms that the command line runs (crawl, then process, load, publish, report).

Processing modules never import the warehouse; jobs are the one place that wires crawlers, pipeline,
models and warehouse together, so each room stays usable on its own.
"""
