// Shapes shared by the platform files of `./checkin-device`.
export interface DeviceLocation {
  latitude: number;
  longitude: number;
}

export interface PickedPlace extends DeviceLocation {
  name: string;
}
