// Workflows are exported here for host apps (package export "./workflows").
export {}
