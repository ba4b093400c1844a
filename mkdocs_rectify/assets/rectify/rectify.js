/* mkdocs-rectify: progressive enhancements. The site reads completely without this file. */
